import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { decideOnChangeRequest } from '@/lib/approvals/decide-on-change-request';
import type { ChangeState } from '@/lib/domain/approval-rules';
import type { Role } from '@/lib/domain/roles';
import { approvalActorOf } from './approval-actor-of';
import { LIVE_DEPS, type ChangeActionDeps } from './change-action-deps';
import { ChangeId, Justification, PlanDigest } from './change-inputs';

export const BREAK_GLASS_ROLES = ['Admin'] as const satisfies readonly Role[];
export const BreakGlass = z.object({ id: ChangeId, justification: Justification, digest: PlanDigest });

/** An Admin approves alone when the policy allows it: SEV-1 page, review mark (lib/approvals does both). */
export function breakGlassDefinition(deps: ChangeActionDeps = LIVE_DEPS): SecureActionDefinition<typeof BreakGlass, { state: ChangeState }> {
  return {
    action: 'change.break-glass',
    roles: BREAK_GLASS_ROLES,
    input: BreakGlass,
    target: (input) => ({ type: 'change-request', id: input.id }),
    run: async ({ actor, input, tx }) => {
      const { justification } = input;
      const state = await decideOnChangeRequest(tx, deps.config(), approvalActorOf(actor), { id: input.id, decision: 'approve', comment: justification, digestSeen: input.digest, breakGlass: { justification } }, deps.now());
      return {
        data: { state },
        message: 'Approved by break-glass: a SEV-1 alert pages on call, and the request is marked for review.',
        payload: { planDigest: input.digest, comment: justification, breakGlass: true, state },
      };
    },
  };
}
