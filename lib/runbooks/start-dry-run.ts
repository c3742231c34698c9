import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import type { DbTx } from '@/lib/db/client';
import { insertRunbookRun } from '@/lib/db/runbooks/insert-runbook-run';
import { listRunsOfRequest } from '@/lib/db/runbooks/list-runs-of-request';
import { ExpectedFailure } from '@/lib/domain/errors';

/**
 * A dry run of a request's plan: a running run with dryRun set, which an idle worker picks up and
 * walks without changing anything. The request's row lock makes "one dry run at a time" hold
 * against a second click, and against execution starting meanwhile.
 */
export async function startDryRun(tx: DbTx, requestId: string, now: Date): Promise<{ runId: string; planDigest: string }> {
  const request = await readChangeRequest(tx, requestId, { lock: true });
  if (!request) throw new ExpectedFailure(`No change request ${requestId}.`, 'not-found');
  if (request.state !== 'pending' && request.state !== 'approved') throw new ExpectedFailure(`The request is ${request.state}: only a pending or approved request can be dry-run.`, 'not-open');
  if (request.expiresAt <= now) throw new ExpectedFailure('The request has expired.', 'expired');
  const runs = await listRunsOfRequest(tx, requestId);
  if (runs.some((run) => !run.dryRun)) throw new ExpectedFailure('This request has already been executed: a dry run would tell nothing new.', 'executed');
  if (runs.some((run) => run.dryRun && run.state === 'running')) throw new ExpectedFailure('A dry run of this request is already running: wait for it to finish.', 'dry-run-running');
  const runId = await insertRunbookRun(tx, { requestId, plan: request.plan, planDigest: request.planDigest, dryRun: true });
  return { runId, planDigest: request.planDigest };
}
