import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import type { DbTx } from '@/lib/db/client';
import { countQuorum } from '@/lib/domain/approval-rules';
import { ExpectedFailure } from '@/lib/domain/errors';

/**
 * The one door to execution: under the row lock, the quorum is counted again now (approvals may
 * have expired), then approved → executing. Only one caller ever gets through; the trigger checks too.
 */
export async function startExecution(tx: DbTx, id: string, actor: { id: string; name: string }, now = new Date()): Promise<{ planDigest: string }> {
  const request = await readChangeRequest(tx, id, { lock: true });
  if (!request) throw new ExpectedFailure(`No change request ${id}.`, 'not-found');
  if (request.state !== 'approved') throw new ExpectedFailure(`The request is ${request.state}: only an approved request can start.`, 'not-approved');
  if (request.expiresAt <= now) throw new ExpectedFailure('The request has expired.', 'expired');
  const quorum = countQuorum(request, request.decisions, now);
  if (!quorum.met) throw new ExpectedFailure(`The quorum no longer holds: ${quorum.valid} of ${quorum.required} approvals are still valid.`, 'quorum-lost');
  if (!(await transitionChangeRequest(tx, { id, from: 'approved', to: 'executing', actor, comment: `execution started with approvals of ${quorum.approvers.join(', ')}` }))) {
    throw new ExpectedFailure('Execution has already started.', 'already-started');
  }
  return { planDigest: request.planDigest };
}
