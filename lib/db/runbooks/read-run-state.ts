import type { DbTx } from '../client';
import type { RunState } from './runbook-record';

export type RunStateRecord = { id: string; requestId: string | null; state: RunState; dryRun: boolean; abortRequestedAt: Date | null; abortRequestedBy: string | null };

/** Where a run stands, without its plan or steps: enough to say why it cannot be aborted. */
export async function readRunState(db: DbTx, id: string): Promise<RunStateRecord | null> {
  const row = await db.runbookRun.findUnique({ where: { id }, select: { id: true, requestId: true, state: true, dryRun: true, abortRequestedAt: true, abortRequestedBy: true } });
  return row ? { ...row, state: row.state as RunState } : null;
}
