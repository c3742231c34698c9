import type { DbTx } from '../client';

/** scheduled → requested with its change request; false when the drill was no longer scheduled (a trigger refuses replacing a request). */
export async function linkDrillRequest(tx: DbTx, id: string, requestId: string, now: Date): Promise<boolean> {
  const { count } = await tx.drill.updateMany({ where: { id, state: 'scheduled', requestId: null }, data: { requestId, state: 'requested', updatedAt: now } });
  return count === 1;
}
