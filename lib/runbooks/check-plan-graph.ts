import type { PlanStep } from '@/lib/domain/change-plan';
import { schedulePlan } from '@/lib/domain/schedule-plan';

/** Refuses a plan the engine could never finish: duplicate ids, unknown dependencies, or a cycle. */
export function checkPlanGraph(steps: readonly PlanStep[]): void {
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) throw new Error(`plan step ${step.id} appears twice`);
    ids.add(step.id);
  }
  for (const step of steps) {
    const unknown = step.dependsOn.find((id) => !ids.has(id));
    if (unknown) throw new Error(`plan step ${step.id} depends on unknown step ${unknown}`);
  }
  schedulePlan(steps); // throws on a cycle
}
