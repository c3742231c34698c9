import { longestDependencyChain } from './critical-path';
import type { PlanStep } from './change-plan';
import { schedulePlan } from './schedule-plan';

/** The recorded times of one step of a run (first attempt's start, end of the last). */
export type StepTimes = { stepId: string; startedAt: Date | null; finishedAt: Date | null };
export type TimedStep = { stepId: string; stage: number; offsetSeconds: number | null; durationSeconds: number | null };

const seconds = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/** Step ids by stage, for a DAG laid out in columns: stage = 1 + the deepest dependency; plan order within a stage. */
export function stagesOf(planSteps: readonly PlanStep[]): string[][] {
  return schedulePlan(planSteps).stages.map((stage) => stage.map((item) => item.step.id));
}

/**
 * Where each plan step sits in a run: its stage, when it started after the run did (T+) and how
 * long it took; a step still open at `now` counts its duration so far.
 */
export function runTimeline(planSteps: readonly PlanStep[], records: readonly StepTimes[], runStartedAt: Date, now: Date): TimedStep[] {
  const stageOf = new Map(schedulePlan(planSteps).steps.map((item) => [item.step.id, item.stage]));
  const recordOf = new Map(records.map((record) => [record.stepId, record]));
  return planSteps.map((step) => {
    const record = recordOf.get(step.id);
    const started = record?.startedAt ?? null;
    return {
      stepId: step.id,
      stage: stageOf.get(step.id) ?? 1,
      offsetSeconds: started ? seconds(runStartedAt, started) : null,
      durationSeconds: started ? seconds(started, record?.finishedAt ?? now) : null,
    };
  });
}

/** What held the run up: the longest dependency chain weighted by each finished step's measured duration. */
/** Seconds each finished step took, by step id (steps not started or still running are left out). */
export function stepDurations(records: readonly StepTimes[]): Map<string, number> {
  return new Map(records.flatMap((record) => (record.startedAt && record.finishedAt ? [[record.stepId, seconds(record.startedAt, record.finishedAt)] as const] : [])));
}

export function criticalPath(planSteps: readonly PlanStep[], records: readonly StepTimes[]): string[] {
  const durations = stepDurations(records);
  return durations.size === 0 ? [] : longestDependencyChain(planSteps, durations).stepIds.filter((id) => durations.has(id));
}
