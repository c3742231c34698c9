import type { Db } from '../client';

/**
 * Call only while holding the leader lock. Clears the flag a crashed leader left behind, marks this
 * worker as leader and records the election, in one transaction.
 */
export async function markLeader(db: Db, worker: { id: string; region: string }): Promise<void> {
  const now = new Date();
  await db.$transaction([
    db.workerNode.updateMany({
      where: { isLeader: true, id: { not: worker.id } },
      data: { isLeader: false, leaderSince: null, stepDownRequestedAt: null },
    }),
    db.workerNode.update({
      where: { id: worker.id },
      data: { isLeader: true, leaderSince: now, stepDownRequestedAt: null, stoppedAt: null },
    }),
    db.leaderChange.create({ data: { workerId: worker.id, region: worker.region, reason: 'elected' } }),
  ]);
}
