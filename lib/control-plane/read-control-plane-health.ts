import type { Db } from '@/lib/db/client';
import { listWorkers } from '@/lib/db/workers/list-workers';
import { assessControlPlaneHealth, DEFAULT_HEARTBEAT_MS, type ControlPlaneHealth } from '@/lib/domain/control-plane-health';

/** The JSON the status board polls: dates as ISO strings. */
export type ControlPlaneHealthJson = ReturnType<typeof toJson>;

function toJson(health: ControlPlaneHealth, now: Date, heartbeatMs: number) {
  const worker = (w: ControlPlaneHealth['workers'][number]) => ({
    id: w.id,
    region: w.region,
    hostname: w.hostname,
    pid: w.pid,
    version: w.version,
    status: w.status,
    isLeader: w.isLeader && w.id === health.leader?.id,
    heartbeatAt: w.heartbeatAt.toISOString(),
    heartbeatAgeSeconds: w.heartbeatAgeSeconds,
    startedAt: w.startedAt.toISOString(),
    leaderSince: w.leaderSince?.toISOString() ?? null,
    stepDownRequested: w.stepDownRequestedAt !== null,
  });
  return {
    now: now.toISOString(),
    heartbeatMs,
    verdict: health.verdict,
    reasons: health.reasons,
    leader: health.leader ? worker(health.leader) : null,
    workers: health.workers.map(worker),
    lastLeaderChange: health.lastLeaderChange ? { ...health.lastLeaderChange, at: health.lastLeaderChange.at.toISOString() } : null,
  };
}

/** Reads the worker fleet and judges it, for the control-plane health panel. */
export async function readControlPlaneHealth(db: Db): Promise<ControlPlaneHealthJson> {
  const heartbeatMs = Number(process.env.LIFEBOAT_WORKER_HEARTBEAT_MS) || DEFAULT_HEARTBEAT_MS;
  const fleet = await listWorkers(db);
  const health = assessControlPlaneHealth({ workers: fleet.workers, leaderChanges: fleet.leaderChanges, now: fleet.now, heartbeatMs });
  return toJson(health, fleet.now, heartbeatMs);
}
