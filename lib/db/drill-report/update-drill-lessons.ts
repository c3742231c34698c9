import type { DbTx } from '../client';

/** Replaces a drill's lessons learned; false when there is no such drill. */
export async function updateDrillLessons(tx: DbTx, drillId: string, text: string, now: Date): Promise<boolean> {
  const { count } = await tx.drill.updateMany({ where: { id: drillId }, data: { lessonsLearned: text, updatedAt: now } });
  return count === 1;
}
