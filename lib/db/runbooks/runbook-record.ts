import type { ChangePlan } from '@/lib/domain/change-plan';

export type RunState = 'running' | 'succeeded' | 'failed' | 'aborted' | 'degraded';
export type StepState = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'aborted';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type StepOutput = { [key: string]: JsonValue };

export type RunbookStepRecord = {
  stepId: string;
  action: string;
  state: StepState;
  attempt: number;
  idempotencyKey: string;
  optional: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
  output: StepOutput | null;
  error: string | null;
};

export type RunbookRunRecord = {
  id: string;
  requestId: string | null;
  kind: ChangePlan['kind'];
  planDigest: string;
  plan: ChangePlan;
  state: RunState;
  dryRun: boolean;
  startedAt: Date;
  finishedAt: Date | null;
  abortRequestedAt: Date | null;
  abortRequestedBy: string | null;
  error: string | null;
  steps: RunbookStepRecord[];
};

type StepRow = Omit<RunbookStepRecord, 'state' | 'output'> & { state: string; output: unknown };
type RunRow = Omit<RunbookRunRecord, 'kind' | 'plan' | 'state' | 'steps'> & { kind: string; plan: unknown; state: string; steps: StepRow[] };

export function toRunbookStep(row: StepRow): RunbookStepRecord {
  return {
    stepId: row.stepId,
    action: row.action,
    state: row.state as StepState,
    attempt: row.attempt,
    idempotencyKey: row.idempotencyKey,
    optional: row.optional,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    output: (row.output ?? null) as StepOutput | null,
    error: row.error,
  };
}

export function toRunbookRun(row: RunRow): RunbookRunRecord {
  return {
    id: row.id,
    requestId: row.requestId,
    kind: row.kind as ChangePlan['kind'],
    planDigest: row.planDigest,
    plan: row.plan as ChangePlan,
    state: row.state as RunState,
    dryRun: row.dryRun,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    abortRequestedAt: row.abortRequestedAt,
    abortRequestedBy: row.abortRequestedBy,
    error: row.error,
    steps: row.steps.map(toRunbookStep),
  };
}
