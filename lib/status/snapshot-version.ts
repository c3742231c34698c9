import { createHash } from 'node:crypto';
import type { StatusSnapshot } from './status-snapshot';

/** Texts such as "last sync 10 s ago" are refreshed at least this often even when nothing else changed. */
export const VERSION_CLOCK_MS = 60_000;

/**
 * The ETag: a hash of what the board shows that does not move with the clock alone (states, probe
 * times, alerts, workers, chart points), plus a once-a-minute tick. Between probe cycles a poll is
 * then answered 304 instead of resending a board that differs only in "n s ago".
 */
export function snapshotVersion(snapshot: Omit<StatusSnapshot, 'version'>, now = new Date(snapshot.generatedAt)): string {
  const { readiness, controlPlane: cp } = snapshot;
  const significant = {
    tick: Math.floor(now.getTime() / VERSION_CLOCK_MS),
    window: snapshot.window,
    probeIntervalSeconds: snapshot.probeIntervalSeconds,
    regions: snapshot.regions,
    readiness: {
      verdict: readiness.verdict,
      stale: readiness.stale,
      servingRegion: readiness.servingRegion,
      newestProbeAt: readiness.newestProbeAt,
      reasons: readiness.reasons.map((reason) => `${reason.severity}:${reason.component}`),
      rpo: readiness.rpo.dataSets.map((set) => [set.dataSet, set.withinObjective, set.rpoSeconds === null]),
      rto: [readiness.rto.minutes, readiness.rto.basis, readiness.rto.withinObjective],
    },
    tiles: snapshot.tiles.map((tile) => [tile.component, tile.region, tile.state, tile.lastProbeAt, tile.spark.points.at(-1)?.at ?? null]),
    alerts: snapshot.alerts,
    failedNotifications: snapshot.failedNotifications,
    lag: [snapshot.lag.window, snapshot.lag.points[0]?.at ?? null, snapshot.lag.points.at(-1) ?? null],
    controlPlane: {
      verdict: cp.verdict,
      reasons: cp.reasons,
      leader: cp.leader ? [cp.leader.id, cp.leader.leaderSince, cp.leader.stepDownRequested] : null,
      workers: cp.workers.map((worker) => [worker.id, worker.status, worker.isLeader]),
      lastLeaderChange: cp.lastLeaderChange,
    },
    drills: snapshot.drills,
  };
  return createHash('sha256').update(JSON.stringify(significant)).digest('base64url').slice(0, 22);
}
