import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { requestDrillRun } from '@/lib/drills/request-drill-run';
import { approvalActorOf } from '../failovers/approval-actor-of';
import { LIVE_DRILL_DEPS, REQUEST_RUN_ROLES, type DrillActionDeps } from './drill-action-deps';
import { DrillId } from './drill-inputs';

export const RequestDrillRun = z.object({ id: DrillId });

/** The drill's change request with the drill runbook, submitted to the approvers; approvals then happen on /failovers/<id>. */
export function requestDrillRunDefinition(deps: DrillActionDeps = LIVE_DRILL_DEPS): SecureActionDefinition<typeof RequestDrillRun, { requestId: string; planDigest: string }, Preflight> {
  return {
    action: 'drill.request-run',
    roles: REQUEST_RUN_ROLES,
    input: RequestDrillRun,
    target: (input) => ({ type: 'drill', id: input.id }),
    prepare: ({ db }) => deps.readPreflight(db, 'drill', deps.now()),
    run: async ({ actor, input, tx, prepared }) => {
      const requested = await requestDrillRun(tx, deps.config(), approvalActorOf(actor), input.id, prepared, deps.now());
      return {
        data: requested,
        message: 'Drill run requested: it needs its approvals on the request page before it runs.',
        payload: { requestId: requested.requestId, planDigest: requested.planDigest },
      };
    },
  };
}
