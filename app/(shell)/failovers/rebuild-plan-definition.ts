import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { refreshChangePlan } from '@/lib/approvals/refresh-change-plan';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { ExpectedFailure } from '@/lib/domain/errors';
import { approvalActorOf } from './approval-actor-of';
import { LIVE_DEPS, REQUEST_ROLES, type ChangeActionDeps } from './change-action-deps';
import { ChangeId } from './change-inputs';

export const RebuildPlan = z.object({ id: ChangeId });
type Prepared = { preflight: Preflight; previousDigest: string };

/** The requester rebuilds the plan from today's configuration and fresh pre-flight; a new digest voids the approvals. */
export function rebuildPlanDefinition(deps: ChangeActionDeps = LIVE_DEPS): SecureActionDefinition<typeof RebuildPlan, { planDigest: string; changed: boolean }, Prepared> {
  return {
    action: 'change.rebuild-plan',
    roles: REQUEST_ROLES,
    input: RebuildPlan,
    target: (input) => ({ type: 'change-request', id: input.id }),
    prepare: async ({ input, db }) => {
      const request = await readChangeRequest(db, input.id);
      if (!request) throw new ExpectedFailure(`No change request ${input.id}.`, 'not-found');
      return { preflight: await deps.readPreflight(db, request.kind, deps.now()), previousDigest: request.planDigest };
    },
    run: async ({ actor, input, tx, prepared }) => {
      const rebuilt = await refreshChangePlan(tx, deps.config(), approvalActorOf(actor), input.id, prepared.preflight);
      return {
        data: rebuilt,
        message: rebuilt.changed
          ? 'The plan changed: it has a new digest, and every approval given for the old plan is void.'
          : 'The plan is unchanged (same digest); the pre-flight findings are fresh.',
        payload: { planDigest: rebuilt.planDigest, previousDigest: prepared.previousDigest, changed: rebuilt.changed },
      };
    },
  };
}
