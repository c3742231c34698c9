import type { StepOutput } from '@/lib/db/runbooks/runbook-record';
import type { ChangePlan, PlanAction, PlanStep } from '@/lib/domain/change-plan';

export type { StepOutput };

/** What a step sees: its plan step, which attempt this is, and the key that makes a repeat a no-op. */
export type StepContext = {
  runId: string;
  plan: ChangePlan;
  step: PlanStep;
  attempt: number;
  idempotencyKey: string;
  /** Aborted when the step's timeout passes: hand it to SDK calls so they stop too. */
  signal: AbortSignal;
};

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isRetryable: (error: unknown) => boolean;
};

export type StepHandler = {
  execute(ctx: StepContext): Promise<StepOutput>;
  /** Has the step's effect already happened (route on the secondary, pool at size)? Asked before any repeat. */
  check?(ctx: StepContext): Promise<'done' | 'not-done'>;
  /** The dry run's answer: what it would call, with which parameters. */
  describe(ctx: StepContext): string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
};

export type StepRegistry = Record<PlanAction, StepHandler>;

/** Time as the engine sees it: replaced in tests so backoff waits cost nothing. */
export type EngineClock = { now(): Date; sleep(ms: number): Promise<void>; random(): number };
