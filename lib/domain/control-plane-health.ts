/** Why a worker gained or lost leadership; one `LeaderChange` row is written per transition. */
export const LEADER_CHANGE_REASONS = ['elected', 'stepped-down', 'lost-connection', 'shutdown'] as const;
export type LeaderChangeReason = (typeof LEADER_CHANGE_REASONS)[number];

/** The worker's own default; the panel assumes it unless told otherwise. */
export const DEFAULT_HEARTBEAT_MS = 5_000;
/** A worker silent for more than this many heartbeat intervals is stale. */
export const STALE_AFTER_HEARTBEATS = 3;
/** This many elections inside the window means leadership is flapping. */
export const FLAPPING_ELECTIONS = 3;
export const FLAPPING_WINDOW_MS = 10 * 60_000;

export type WorkerNodeView = {
  id: string;
  region: string;
  hostname: string;
  pid: number;
  version: string;
  startedAt: Date;
  heartbeatAt: Date;
  isLeader: boolean;
  leaderSince: Date | null;
  stepDownRequestedAt: Date | null;
  stoppedAt: Date | null;
};

export type LeaderChangeView = {
  at: Date;
  workerId: string;
  region: string;
  reason: string;
};

export type WorkerStatus = 'alive' | 'stale' | 'stopped';
export type WorkerHealth = WorkerNodeView & { status: WorkerStatus; heartbeatAgeSeconds: number };
export type ControlPlaneVerdict = 'healthy' | 'degraded' | 'no-leader';

export type ControlPlaneHealth = {
  verdict: ControlPlaneVerdict;
  reasons: string[];
  leader?: WorkerHealth;
  workers: WorkerHealth[];
  lastLeaderChange?: LeaderChangeView;
};

export type ControlPlaneHealthInput = {
  workers: readonly WorkerNodeView[];
  leaderChanges: readonly LeaderChangeView[];
  now: Date;
  heartbeatMs?: number;
};

function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}

function statusOf(worker: WorkerNodeView, ageMs: number, staleAfterMs: number): WorkerStatus {
  if (worker.stoppedAt) return 'stopped';
  return ageMs > staleAfterMs ? 'stale' : 'alive';
}

/** Judges the worker fleet: who leads, whether they are alive, and whether one region's loss would stop it. */
export function assessControlPlaneHealth(input: ControlPlaneHealthInput): ControlPlaneHealth {
  const heartbeatMs = input.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const staleAfterMs = heartbeatMs * STALE_AFTER_HEARTBEATS;
  const now = input.now.getTime();

  const workers: WorkerHealth[] = input.workers.map((worker) => {
    const ageMs = now - worker.heartbeatAt.getTime();
    return { ...worker, status: statusOf(worker, ageMs, staleAfterMs), heartbeatAgeSeconds: seconds(ageMs) };
  });

  // Two rows may briefly both claim it (a crashed leader's row until the next one is elected): the newest wins.
  const claimants = workers
    .filter((worker) => worker.isLeader && worker.status !== 'stopped')
    .sort((a, b) => (b.leaderSince?.getTime() ?? 0) - (a.leaderSince?.getTime() ?? 0));
  const leader = claimants[0];

  const lastLeaderChange = [...input.leaderChanges].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  const reasons: string[] = [];
  let verdict: ControlPlaneVerdict = 'healthy';

  if (!leader) {
    verdict = 'no-leader';
    reasons.push('No worker holds leadership: schedules, probes and runbooks are not running.');
  } else if (leader.status === 'stale') {
    verdict = 'no-leader';
    reasons.push(
      `Leader ${leader.id} (${leader.region}) has sent no heartbeat for ${leader.heartbeatAgeSeconds} s; another worker should take over.`,
    );
  }

  const alive = workers.filter((worker) => worker.status === 'alive');
  const aliveRegions = [...new Set(alive.map((worker) => worker.region))].sort();
  if (aliveRegions.length === 0) {
    reasons.push('No worker is alive.');
  } else if (aliveRegions.length === 1) {
    if (verdict === 'healthy') verdict = 'degraded';
    reasons.push(`Only ${aliveRegions[0]} has a live worker: losing that region would stop the control plane's work.`);
  }

  for (const worker of workers) {
    if (worker.status !== 'stale' || worker === leader) continue;
    if (verdict === 'healthy') verdict = 'degraded';
    reasons.push(`Worker ${worker.id} (${worker.region}) has sent no heartbeat for ${worker.heartbeatAgeSeconds} s.`);
  }

  const recentElections = input.leaderChanges.filter(
    (change) => change.reason === 'elected' && now - change.at.getTime() <= FLAPPING_WINDOW_MS,
  ).length;
  if (recentElections >= FLAPPING_ELECTIONS) {
    if (verdict === 'healthy') verdict = 'degraded';
    reasons.push(`Leadership changed ${recentElections} times in the last ${FLAPPING_WINDOW_MS / 60_000} minutes.`);
  }

  return { verdict, reasons, leader, workers, lastLeaderChange };
}
