import type { RunbookRunRecord } from '@/lib/db/runbooks/runbook-record';
import { describeError } from '@/lib/domain/describe-error';
import type { StepRegistry } from './step-handler';
import { stepTimeoutMs } from './step-timeout';
import { withTimeout } from './with-timeout';


/**
 * A drill that failed or was aborted after its simulated failure started skips the step that ends it,
 * which would leave the primary down (lab) or its origin disabled: end it here. check() comes first,
 * so closing a run again after a crash does not repeat it. Returns what happened, or null.
 */
export async function endLeftoverSimulatedFailure(run: RunbookRunRecord, registry: StepRegistry): Promise<string | null> {
  if (run.plan.kind !== 'drill' || run.dryRun || (run.state !== 'failed' && run.state !== 'aborted')) return null;
  const stateOf = (action: string) => run.steps.find((step) => step.action === action)?.state;
  const simulated = stateOf('simulate-region-failure');
  if (simulated === undefined || simulated === 'pending' || simulated === 'skipped' || stateOf('end-region-failure') === 'succeeded') return null;
  const step = run.plan.steps.find((candidate) => candidate.action === 'end-region-failure');
  if (!step) return null;
  const handler = registry[step.action];
  const timeoutMs = stepTimeoutMs(handler, step);
  const firstStartedAt = new Date();
  const context = (signal: AbortSignal) => ({ runId: run.id, plan: run.plan, step, attempt: 1, idempotencyKey: `${run.id}:${step.id}:cleanup`, signal, firstStartedAt });
  try {
    const already = handler.check ? await withTimeout(timeoutMs, (signal) => handler.check?.(context(signal)) ?? Promise.resolve('not-done' as const)) : 'not-done';
    if (already === 'done') return 'the simulated failure had already ended';
    await withTimeout(timeoutMs, (signal) => handler.execute(context(signal)));
    return `the simulated failure was ended after the drill stopped (${step.title})`;
  } catch (error) {
    return `the simulated failure could NOT be ended: ${describeError(error)}; end it by hand (${step.title})`;
  }
}
