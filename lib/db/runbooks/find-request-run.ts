import type { DbTx } from '../client';

/** The one real (not dry) run of a request, if it has started. */
export async function findRequestRun(tx: DbTx, requestId: string): Promise<{ id: string; state: string } | null> {
  return tx.runbookRun.findFirst({ where: { requestId, dryRun: false }, select: { id: true, state: true }, orderBy: { startedAt: 'asc' } });
}
