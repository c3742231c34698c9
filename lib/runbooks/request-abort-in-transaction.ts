import type { DbTx } from '@/lib/db/client';
import { markAbortRequested } from '@/lib/db/runbooks/mark-abort-requested';
import { readRunState } from '@/lib/db/runbooks/read-run-state';
import { ExpectedFailure } from '@/lib/domain/errors';

/**
 * Asks a running run to abort inside the caller's transaction, which audits it (`runbook.abort`).
 * Says why a run cannot be aborted; the conditional update still decides a race between two Operators.
 */
export async function requestAbortInTransaction(tx: DbTx, runId: string, actorName: string, now: Date): Promise<{ requestId: string | null; dryRun: boolean }> {
  const run = await readRunState(tx, runId);
  if (!run) throw new ExpectedFailure(`No runbook run ${runId}.`, 'not-found');
  if (run.state !== 'running') throw new ExpectedFailure(`The run has already ended (${run.state}): there is nothing to abort.`, 'not-running');
  if (run.abortRequestedAt) throw new ExpectedFailure(`An abort was already requested by ${run.abortRequestedBy ?? 'someone'} at ${run.abortRequestedAt.toISOString()}.`, 'already-aborting');
  if (!(await markAbortRequested(tx, runId, actorName, now))) throw new ExpectedFailure('The run ended or was asked to abort a moment ago: reload to see it.', 'not-abortable');
  return { requestId: run.requestId, dryRun: run.dryRun };
}
