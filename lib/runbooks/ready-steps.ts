import type { StepState } from '@/lib/db/runbooks/runbook-record';
import type { PlanStep } from '@/lib/domain/change-plan';

export type StepStatus = { state: StepState; optional: boolean };

/** A dependency lets its dependents start once it succeeded, or failed while optional (the run goes on degraded). */
export function isSettledForDependents(status: StepStatus | undefined): boolean {
  return status !== undefined && (status.state === 'succeeded' || (status.state === 'failed' && status.optional));
}

/** Pending steps, in plan order, whose every dependency lets them start. */
export function readySteps(steps: readonly PlanStep[], status: ReadonlyMap<string, StepStatus>): PlanStep[] {
  return steps.filter((step) => status.get(step.id)?.state === 'pending' && step.dependsOn.every((id) => isSettledForDependents(status.get(id))));
}
