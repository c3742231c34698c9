import type { PlanStep } from './change-plan';

export type ScheduledStep = { step: PlanStep; stage: number; startMinute: number; endMinute: number };
export type PlanSchedule = { steps: ScheduledStep[]; stages: ScheduledStep[][]; totalMinutes: number };

/**
 * When each step can start if every step takes its estimate and independent steps run in
 * parallel: stage = 1 + the deepest dependency, start = the latest dependency's end.
 */
export function schedulePlan(steps: readonly PlanStep[]): PlanSchedule {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const done = new Map<string, ScheduledStep>();
  const visit = (step: PlanStep, path: Set<string>): ScheduledStep => {
    const known = done.get(step.id);
    if (known) return known;
    if (path.has(step.id)) throw new Error(`plan step ${step.id} depends on itself`);
    path.add(step.id);
    const deps = step.dependsOn.flatMap((id) => {
      const dep = byId.get(id);
      return dep ? [visit(dep, path)] : [];
    });
    path.delete(step.id);
    const startMinute = Math.max(0, ...deps.map((dep) => dep.endMinute));
    const scheduled = { step, stage: 1 + Math.max(0, ...deps.map((dep) => dep.stage)), startMinute, endMinute: startMinute + step.estimateMinutes };
    done.set(step.id, scheduled);
    return scheduled;
  };
  const scheduled = steps.map((step) => visit(step, new Set()));
  const stages: ScheduledStep[][] = [];
  for (const item of scheduled) (stages[item.stage - 1] ??= []).push(item);
  return { steps: scheduled, stages, totalMinutes: Math.max(0, ...scheduled.map((item) => item.endMinute)) };
}
