import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { submitChangeRequest } from '@/lib/approvals/submit-change-request';
import { approvalActorOf } from './approval-actor-of';
import { LIVE_DEPS, REQUEST_ROLES, type ChangeActionDeps } from './change-action-deps';
import { ChangeId } from './change-inputs';

export const SubmitChange = z.object({ id: ChangeId });

/** The requester sends their draft to the approvers (lib/approvals checks it is theirs and still a draft). */
export function submitChangeDefinition(deps: ChangeActionDeps = LIVE_DEPS): SecureActionDefinition<typeof SubmitChange, { expiresAt: string }> {
  return {
    action: 'change.submit',
    roles: REQUEST_ROLES,
    input: SubmitChange,
    target: (input) => ({ type: 'change-request', id: input.id }),
    run: async ({ actor, input, tx }) => {
      const submitted = await submitChangeRequest(tx, deps.config(), approvalActorOf(actor), input.id, deps.now());
      const expiresAt = submitted.expiresAt.toISOString();
      return {
        data: { expiresAt },
        message: `Submitted: it needs ${submitted.approversRequired} approvals before it expires.`,
        payload: { planDigest: submitted.planDigest, expiresAt },
      };
    },
  };
}
