import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import { startDryRun } from '@/lib/runbooks/start-dry-run';
import { LIVE_DEPS, RUN_ROLES, type ChangeActionDeps } from './change-action-deps';
import { ChangeId } from './change-inputs';

export const DryRunChange = z.object({ id: ChangeId });

/** Walks a pending or approved request's plan without changing anything: each step says what it would do. */
export function dryRunChangeDefinition(deps: Pick<ChangeActionDeps, 'now'> = LIVE_DEPS): SecureActionDefinition<typeof DryRunChange, { runId: string }> {
  return {
    action: 'runbook.dry-run',
    roles: RUN_ROLES,
    input: DryRunChange,
    target: (input) => ({ type: 'change-request', id: input.id }),
    run: async ({ input, tx }) => {
      const started = await startDryRun(tx, input.id, deps.now());
      return {
        data: { runId: started.runId },
        target: { type: 'runbook-run', id: started.runId },
        message: 'Dry run started: a worker walks the plan within seconds; nothing changes.',
        payload: { requestId: input.id, runId: started.runId, planDigest: started.planDigest },
      };
    },
  };
}
