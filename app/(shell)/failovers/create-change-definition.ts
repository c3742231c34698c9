import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { createChangeRequest } from '@/lib/approvals/create-change-request';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { CHANGE_KINDS } from '@/lib/domain/change-plan';
import { approvalActorOf } from './approval-actor-of';
import { LIVE_DEPS, REQUEST_ROLES, type ChangeActionDeps } from './change-action-deps';
import { Reason } from './change-inputs';

export const CreateChange = z.object({ kind: z.enum(CHANGE_KINDS, { error: 'choose failover, failback, drill or storage-failover' }), reason: Reason });

/** A draft request: the server builds the plan from the configured topology; pre-flight is read before the transaction. */
export function createChangeDefinition(deps: ChangeActionDeps = LIVE_DEPS): SecureActionDefinition<typeof CreateChange, { id: string; planDigest: string }, Preflight> {
  return {
    action: 'change.create',
    roles: REQUEST_ROLES,
    input: CreateChange,
    target: (input) => ({ type: 'change-request', id: `new ${input.kind}` }),
    prepare: ({ input, db }) => deps.readPreflight(db, input.kind, deps.now()),
    run: async ({ actor, input, tx, prepared }) => {
      const created = await createChangeRequest(tx, deps.config(), approvalActorOf(actor), { kind: input.kind, reason: input.reason, preflight: prepared, now: deps.now() });
      return {
        data: created,
        target: { type: 'change-request', id: created.id },
        message: `Draft ${input.kind} created: review the plan, then submit it for approval.`,
        payload: { requestId: created.id, planDigest: created.planDigest },
      };
    },
  };
}
