import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { decideOnChangeRequest } from '@/lib/approvals/decide-on-change-request';
import type { ChangeState } from '@/lib/domain/approval-rules';
import { approvalActorOf } from './approval-actor-of';
import { DECIDE_ROLES, LIVE_DEPS, type ChangeActionDeps } from './change-action-deps';
import { ChangeId, Comment, PlanDigest } from './change-inputs';

export const DecideOnChange = z.object({ id: ChangeId, comment: Comment, digest: PlanDigest });

const MESSAGE: Record<'approve' | 'deny', (state: ChangeState) => string> = {
  approve: (state) => (state === 'approved' ? 'Approved: the quorum is reached and the plan may now run.' : 'Your approval is recorded; the request still waits for another approver.'),
  deny: () => 'Denied: the request is closed and nothing will run.',
};

/** An approver's approve or deny of the plan whose digest they saw; every rule is lib/approvals'. */
export function decideDefinition(decision: 'approve' | 'deny', deps: ChangeActionDeps = LIVE_DEPS): SecureActionDefinition<typeof DecideOnChange, { state: ChangeState }> {
  return {
    action: `change.${decision}`,
    roles: DECIDE_ROLES,
    input: DecideOnChange,
    target: (input) => ({ type: 'change-request', id: input.id }),
    run: async ({ actor, input, tx }) => {
      const state = await decideOnChangeRequest(tx, deps.config(), approvalActorOf(actor), { id: input.id, decision, comment: input.comment, digestSeen: input.digest }, deps.now());
      return { data: { state }, message: MESSAGE[decision](state), payload: { planDigest: input.digest, comment: input.comment, state } };
    },
  };
}
