import type { DbTx } from '../client';

/** → cancelled from `from` only (a person cancels a scheduled drill; a request that ended unrun cancels a requested one). */
export async function cancelDrill(tx: DbTx, id: string, from: 'scheduled' | 'requested', now: Date): Promise<boolean> {
  const { count } = await tx.drill.updateMany({ where: { id, state: from }, data: { state: 'cancelled', updatedAt: now } });
  return count === 1;
}
