import type { LeaderChangeReason } from '@/lib/domain/control-plane-health';
import type { Db } from '../client';

export type LostLeadershipReason = Exclude<LeaderChangeReason, 'elected'>;

/** Records that this worker no longer leads, and why; any pending step-down request is settled by it. */
export async function markLostLeadership(
  db: Db,
  worker: { id: string; region: string },
  reason: LostLeadershipReason,
): Promise<void> {
  await db.$transaction([
    db.workerNode.update({
      where: { id: worker.id },
      data: { isLeader: false, leaderSince: null, stepDownRequestedAt: null },
    }),
    db.leaderChange.create({ data: { workerId: worker.id, region: worker.region, reason } }),
  ]);
}
