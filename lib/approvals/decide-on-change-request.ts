import type { LifeboatConfig } from '@/lib/config/schema';
import { enqueueChangeNotifications } from '@/lib/db/approvals/enqueue-change-notifications';
import { insertDecision } from '@/lib/db/approvals/insert-decision';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import type { DbTx } from '@/lib/db/client';
import { refuseDecision, stateAfterDecision, type ChangeState } from '@/lib/domain/approval-rules';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { ApprovalActor } from './approval-actor';
import { raiseBreakGlassAlert } from './raise-break-glass-alert';
import { requestTargets } from './request-targets';

export type Decision = { id: string; decision: 'approve' | 'deny'; comment: string; digestSeen: string; breakGlass?: { justification: string } };

/**
 * Records one approver's decision under the request's row lock (concurrent deciders queue), then
 * moves the request: a deny ends it, the quorum approves it. Break-glass lets an Admin approve alone:
 * it lowers the quorum, marks the request for review and raises a SEV-1 alert.
 */
export async function decideOnChangeRequest(tx: DbTx, config: LifeboatConfig, actor: ApprovalActor, input: Decision, now = new Date()): Promise<ChangeState> {
  const request = await readChangeRequest(tx, input.id, { lock: true });
  if (!request) throw new ExpectedFailure(`No change request ${input.id}.`, 'not-found');
  const breakGlass = input.breakGlass !== undefined;
  if (breakGlass && input.decision !== 'approve') throw new ExpectedFailure('Break-glass only approves; deny normally.', 'invalid');
  const refusal = refuseDecision({ request, decisions: request.decisions, decider: actor, digestSeen: input.digestSeen, now, policy: config.approvals, breakGlass });
  if (refusal) throw new ExpectedFailure(refusal.message, refusal.code);

  const policy = config.approvals;
  await insertDecision(tx, {
    requestId: request.id,
    approver: { id: actor.userId, name: actor.name, roles: actor.roles },
    decision: input.decision,
    comment: input.comment,
    planDigest: input.digestSeen,
    authTime: new Date(actor.authTime * 1000),
    decidedAt: now,
    expiresAt: new Date(now.getTime() + policy.approvalExpiryMinutes * 60_000),
    breakGlass,
  });
  const who = { id: actor.userId, name: actor.name };
  if (breakGlass && input.breakGlass) {
    const { justification } = input.breakGlass;
    const lowered = await transitionChangeRequest(tx, {
      id: request.id,
      from: 'pending',
      to: 'approved',
      actor: who,
      comment: `break-glass: ${justification}`,
      set: { breakGlass: true, justification, needsReview: true, approversRequired: policy.breakGlass.approversRequired },
    });
    if (!lowered) throw new ExpectedFailure('The request moved on while you decided.', 'conflict');
    await raiseBreakGlassAlert(tx, { requestId: request.id, kind: request.kind, admin: actor, justification, targets: requestTargets(config), at: now });
    await enqueueChangeNotifications(tx, request.id, 'approved', requestTargets(config), now);
    return 'approved';
  }
  const decisions = [...request.decisions, { approverId: actor.userId, approverName: actor.name, decision: input.decision, planDigest: input.digestSeen, expiresAt: new Date(now.getTime() + policy.approvalExpiryMinutes * 60_000), voidedAt: null }];
  const next = stateAfterDecision(request, decisions, now);
  if (next !== 'pending') {
    const comment = next === 'denied' ? `denied by ${actor.name}: ${input.comment}` : `quorum reached with ${actor.name}'s approval`;
    if (!(await transitionChangeRequest(tx, { id: request.id, from: 'pending', to: next, actor: who, comment }))) throw new ExpectedFailure('The request moved on while you decided.', 'conflict');
  }
  await enqueueChangeNotifications(tx, request.id, next === 'pending' ? 'decision' : next === 'denied' ? 'denied' : 'approved', requestTargets(config), now);
  return next;
}
