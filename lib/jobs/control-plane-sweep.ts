import type { Db } from '@/lib/db/client';
import { sweepStaleWorkers, type SweptWorker } from '@/lib/db/workers/sweep-stale-workers';
import { NotLeaderError } from './not-leader-error';

export const CONTROL_PLANE_SWEEP_QUEUE = 'control-plane.sweep';
export const CONTROL_PLANE_SWEEP_CRON = '* * * * *';
/** A worker silent this long is marked stopped; the takeover bound the issue names. */
export const WORKER_STALE_AFTER_SECONDS = 30;

export type SweepContext = { db: Db; workerId: string; isLeader: () => boolean; log: (line: string) => void };

/** Leader-only: marks workers whose heartbeat is older than 30 s as stopped, so the panel stops counting them. */
export async function sweepControlPlane(context: SweepContext): Promise<SweptWorker[]> {
  // Checked when acting, not when the job was claimed: leadership may have moved in between.
  if (!context.isLeader()) throw new NotLeaderError(CONTROL_PLANE_SWEEP_QUEUE);
  const swept = await sweepStaleWorkers(context.db, {
    staleAfterSeconds: WORKER_STALE_AFTER_SECONDS,
    exceptWorkerId: context.workerId,
  });
  for (const worker of swept) {
    context.log(`marked worker ${worker.id} (${worker.region}) stopped: no heartbeat for ${WORKER_STALE_AFTER_SECONDS} s`);
  }
  return swept;
}
