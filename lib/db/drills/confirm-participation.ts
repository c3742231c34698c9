import type { DbTx } from '../client';

/** Records a participant's confirmation once: false when they are not a participant or already confirmed. */
export async function confirmParticipation(tx: DbTx, drillId: string, userId: string, at: Date, comment: string | null): Promise<boolean> {
  const { count } = await tx.drillParticipant.updateMany({ where: { drillId, userId, confirmedAt: null }, data: { confirmedAt: at, comment } });
  return count === 1;
}
