import type { RunbookStepRecord, StepState } from '@/lib/db/runbooks/runbook-record';
import type { PlanAction, PlanStep } from '@/lib/domain/change-plan';
import { runTimeline } from '@/lib/domain/run-timeline';

/** One plan step of a run as the run view and the drill report show it: what it is, when and how it ran. */
export type TimedStepRow = {
  stepId: string;
  action: PlanAction;
  title: string;
  target: string;
  optional: boolean;
  stage: number;
  state: StepState;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  offsetSeconds: number | null;
  durationSeconds: number | null;
  error: string | null;
};

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Every plan step, in plan order, with its record (a step never started is pending) and its T+ and duration as of `end`. */
export function timedStepRows(planSteps: readonly PlanStep[], records: readonly RunbookStepRecord[], runStartedAt: Date, end: Date): TimedStepRow[] {
  const recordOf = new Map(records.map((record) => [record.stepId, record]));
  const timeline = new Map(runTimeline(planSteps, records, runStartedAt, end).map((item) => [item.stepId, item]));
  return planSteps.map((step) => {
    const record = recordOf.get(step.id);
    const timed = timeline.get(step.id);
    return {
      stepId: step.id,
      action: step.action,
      title: step.title,
      target: step.target,
      optional: step.optional,
      stage: timed?.stage ?? 1,
      state: record?.state ?? 'pending',
      attempt: record?.attempt ?? 0,
      startedAt: iso(record?.startedAt),
      finishedAt: iso(record?.finishedAt),
      offsetSeconds: timed?.offsetSeconds ?? null,
      durationSeconds: timed?.durationSeconds ?? null,
      error: record?.error ?? null,
    };
  });
}
