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
  /** When the step's first attempt started: a wait measured from it is not restarted by a retry or a resume. */
  firstStartedAt: Date;
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
  /** The output of a step check() found done after its worker died (which snapshot it restored, say). */
  recoverOutput?(ctx: StepContext): Promise<StepOutput>;
  /** The dry run's answer: what it would call, with which parameters. */
  describe(ctx: StepContext): string;
  /**
   * Undoes what a step that failed for good leaves half-done (a failback stage routes traffic back);
   * called once, before the failure is recorded. Returns what it did, added to the step's error.
   */
  compensate?(ctx: StepContext, error: string): Promise<string>;
  /** Per step, when a parameter sets how long it may take (a monitoring window before scaling down). */
  timeoutMs?: number | ((step: PlanStep) => number);
  retry?: Partial<RetryPolicy>;
};

export type StepRegistry = Record<PlanAction, StepHandler>;

/** Time as the engine sees it: replaced in tests so backoff waits cost nothing. */
export type EngineClock = { now(): Date; sleep(ms: number): Promise<void>; random(): number };
