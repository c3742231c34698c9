import type { DbTx } from '../client';

/**
 * Asks the current leader to hand over. Applies only if `workerId` is still the running leader with
 * no request pending; returns whether it applied. The worker notices on its next heartbeat.
 */
export async function requestLeaderStepDown(db: DbTx, workerId: string): Promise<boolean> {
  const { count } = await db.workerNode.updateMany({
    where: { id: workerId, isLeader: true, stoppedAt: null, stepDownRequestedAt: null },
    data: { stepDownRequestedAt: new Date() },
  });
  return count === 1;
}
