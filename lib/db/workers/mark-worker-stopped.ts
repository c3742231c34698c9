import type { Db } from '../client';

/** A worker that shut down: not leading, and no longer expected to heartbeat. */
export async function markWorkerStopped(db: Db, workerId: string): Promise<void> {
  await db.workerNode.update({
    where: { id: workerId },
    data: { stoppedAt: new Date(), isLeader: false, leaderSince: null, stepDownRequestedAt: null },
  });
}
