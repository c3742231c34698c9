import type { DbTx } from '../client';

/** Records the first abort request on a running run; false if it is not running or already asked. */
export async function markAbortRequested(tx: DbTx, runId: string, actorName: string, at: Date): Promise<boolean> {
  const { count } = await tx.runbookRun.updateMany({ where: { id: runId, state: 'running', abortRequestedAt: null }, data: { abortRequestedAt: at, abortRequestedBy: actorName } });
  return count === 1;
}
