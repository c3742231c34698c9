import type { LifeboatConfig } from '@/lib/config/schema';
import { enqueueChangeNotifications } from '@/lib/db/approvals/enqueue-change-notifications';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import type { DbTx } from '@/lib/db/client';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { ApprovalActor } from './approval-actor';
import { requestTargets } from './request-targets';

/** What the submitter is told: when the request expires, how many approvals it needs, the plan's digest. */
export type SubmittedRequest = { expiresAt: Date; approversRequired: number; planDigest: string };

/** The requester sends a draft for approval: it becomes pending (its expiry starts now) and approvers are notified. */
export async function submitChangeRequest(tx: DbTx, config: LifeboatConfig, actor: ApprovalActor, id: string, now = new Date()): Promise<SubmittedRequest> {
  const request = await readChangeRequest(tx, id, { lock: true });
  if (!request) throw new ExpectedFailure(`No change request ${id}.`, 'not-found');
  if (request.requestedById !== actor.userId) throw new ExpectedFailure('Only the requester can submit their draft.', 'not-requester');
  const expiresAt = new Date(now.getTime() + config.approvals.requestExpiryMinutes * 60_000);
  const moved = await transitionChangeRequest(tx, { id, from: 'draft', to: 'pending', actor: { id: actor.userId, name: actor.name }, comment: 'submitted for approval', set: { expiresAt } });
  if (!moved) throw new ExpectedFailure(`The request is ${request.state}, not a draft.`, 'not-draft');
  await enqueueChangeNotifications(tx, id, 'requested', requestTargets(config), now);
  return { expiresAt, approversRequired: request.approversRequired, planDigest: request.planDigest };
}
