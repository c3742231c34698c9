import type { LifeboatConfig } from '@/lib/config/schema';
import { enqueueChangeNotifications } from '@/lib/db/approvals/enqueue-change-notifications';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import type { DbTx } from '@/lib/db/client';
import { refuseCancel } from '@/lib/domain/approval-rules';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { ApprovalActor } from './approval-actor';
import { requestTargets } from './request-targets';

/** The requester withdraws a request that has not started; approvers hear of it if they were asked. */
export async function cancelChangeRequest(tx: DbTx, config: LifeboatConfig, actor: ApprovalActor, id: string, comment: string, now = new Date()): Promise<void> {
  const request = await readChangeRequest(tx, id, { lock: true });
  if (!request) throw new ExpectedFailure(`No change request ${id}.`, 'not-found');
  const refusal = refuseCancel(request, actor.userId);
  if (refusal) throw new ExpectedFailure(refusal, 'not-cancellable');
  const moved = await transitionChangeRequest(tx, { id, from: request.state, to: 'cancelled', actor: { id: actor.userId, name: actor.name }, comment });
  if (!moved) throw new ExpectedFailure('The request moved on meanwhile; reload it.', 'conflict');
  if (request.state !== 'draft') await enqueueChangeNotifications(tx, id, 'cancelled', requestTargets(config), now);
}
