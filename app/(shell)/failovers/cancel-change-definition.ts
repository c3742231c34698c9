import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { cancelChangeRequest } from '@/lib/approvals/cancel-change-request';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { approvalActorOf } from './approval-actor-of';
import { LIVE_DEPS, REQUEST_ROLES, type ChangeActionDeps } from './change-action-deps';
import { ChangeId, Comment } from './change-inputs';

export const CancelChange = z.object({ id: ChangeId, comment: Comment });

/** The requester withdraws a request that has not started (lib/approvals says who and when). */
export function cancelChangeDefinition(deps: ChangeActionDeps = LIVE_DEPS): SecureActionDefinition<typeof CancelChange, null> {
  return {
    action: 'change.cancel',
    roles: REQUEST_ROLES,
    input: CancelChange,
    target: (input) => ({ type: 'change-request', id: input.id }),
    run: async ({ actor, input, tx }) => {
      await cancelChangeRequest(tx, deps.config(), approvalActorOf(actor), input.id, input.comment, deps.now());
      const request = await readChangeRequest(tx, input.id);
      return { data: null, message: 'Cancelled: nothing will run.', payload: { planDigest: request?.planDigest, comment: input.comment } };
    },
  };
}
