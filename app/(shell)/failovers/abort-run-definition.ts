import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { requestAbortInTransaction } from '@/lib/runbooks/request-abort-in-transaction';
import { LIVE_DEPS, RUN_ROLES, type ChangeActionDeps } from './change-action-deps';
import { RunId } from './change-inputs';

export const AbortRun = z.object({ runId: RunId });

/** An Operator stops a running run: the engine lets running steps finish and starts nothing new. */
export function abortRunDefinition(deps: Pick<ChangeActionDeps, 'now'> = LIVE_DEPS): SecureActionDefinition<typeof AbortRun, { requestedAt: string }> {
  return {
    action: 'runbook.abort',
    roles: RUN_ROLES,
    input: AbortRun,
    target: (input) => ({ type: 'runbook-run', id: input.runId }),
    run: async ({ actor, input, tx }) => {
      const now = deps.now();
      const run = await requestAbortInTransaction(tx, input.runId, actor.name || actor.userId, now);
      return {
        data: { requestedAt: now.toISOString() },
        message: 'Abort requested: steps already running finish, nothing new starts.',
        payload: { requestId: run.requestId, dryRun: run.dryRun, at: now.toISOString() },
      };
    },
  };
}
