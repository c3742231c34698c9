import type { DbTx } from '../client';

/** requested → ran, once: false when it had already moved. */
export async function markDrillRan(tx: DbTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.drill.updateMany({ where: { id, state: 'requested' }, data: { state: 'ran', updatedAt: now } });
  return count === 1;
}
