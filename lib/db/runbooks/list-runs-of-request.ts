import type { DbTx } from '../client';
import type { RunState } from './runbook-record';

/** A run as a list of runs names it: no plan, steps or measurements. */
export type RunOfRequest = { id: string; dryRun: boolean; state: RunState; startedAt: Date };

/** Every run of a change request (dry runs and the real one), newest first, without their steps. */
export async function listRunsOfRequest(db: DbTx, requestId: string): Promise<RunOfRequest[]> {
  const rows = await db.runbookRun.findMany({ where: { requestId }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], select: { id: true, dryRun: true, state: true, startedAt: true } });
  return rows.map((row) => ({ ...row, state: row.state as RunState }));
}
