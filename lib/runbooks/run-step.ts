import type { Db } from '@/lib/db/client';
import { finishStep } from '@/lib/db/runbooks/finish-step';
import { recordStepRetry } from '@/lib/db/runbooks/record-step-retry';
import type { RunbookStepRecord } from '@/lib/db/runbooks/runbook-record';
import { startStepAttempt } from '@/lib/db/runbooks/start-step-attempt';
import type { ChangePlan, PlanStep } from '@/lib/domain/change-plan';
import { describeError } from '@/lib/domain/describe-error';
import { backoffDelayMs } from './backoff-delay';
import type { EngineClock, RetryPolicy, StepContext, StepHandler, StepOutput } from './step-handler';
import { withTimeout } from './with-timeout';

export type StepEnv = {
  db: Db;
  run: { id: string; plan: ChangePlan; dryRun: boolean };
  clock: EngineClock;
  handler: StepHandler;
  timeoutMs: number;
  retry: RetryPolicy;
};

/** succeeded/failed: the step's end is committed; lost: another executor moved the step on first. */
export type StepResult = { state: 'succeeded' } | { state: 'failed'; error: string } | { state: 'lost' };

/** check() under the step's retry policy: a throttled or briefly unreachable ARM must not fail the step. */
async function askCheck(env: StepEnv, check: (signal: AbortSignal) => Promise<'done' | 'not-done'>): Promise<unknown> {
  for (let tries = 1; ; tries += 1) {
    const verdict = await withTimeout(env.timeoutMs, check).catch((error: unknown) => error);
    if (verdict === 'done' || verdict === 'not-done' || tries >= env.retry.maxAttempts || !env.retry.isRetryable(verdict)) return verdict;
    await env.clock.sleep(backoffDelayMs(tries, env.retry, env.clock.random));
  }
}

/** A resumed step's output: what it had produced, when its handler can tell (within the step's timeout). */
async function resumedOutput(env: StepEnv, ctx: StepContext): Promise<StepOutput> {
  const recover = env.handler.recoverOutput?.bind(env.handler);
  const recovered = recover ? await withTimeout(env.timeoutMs, (signal) => recover({ ...ctx, signal })).catch((error: unknown) => ({ recoverError: describeError(error) })) : {};
  return { ...recovered, resumed: true };
}

/** The failure, with what the handler's compensate() undid (or why it could not). */
async function compensated(env: StepEnv, ctx: StepContext, failure: string): Promise<string> {
  const compensate = env.handler.compensate?.bind(env.handler);
  if (!compensate) return failure;
  const undone = await withTimeout(env.timeoutMs, (signal) => compensate({ ...ctx, signal }, failure)).catch((error: unknown) => `could not undo: ${describeError(error)}`);
  return `${failure}; ${undone}`;
}

/**
 * Runs one step to its end: each attempt committed as running before it executes and with its
 * outcome after; retryable failures wait (exponential backoff) and go again. A step found running
 * (its worker died) or an attempt that failed is first re-checked, so an effect is never applied twice.
 */
export async function runStep(env: StepEnv, seen: RunbookStepRecord, step: PlanStep): Promise<StepResult> {
  const { db, run, clock, handler } = env;
  // The record keeps the first attempt's start across retries and resumes; a pending step starts now.
  const firstStartedAt = seen.startedAt ?? clock.now();
  const ctx = (attempt: number, signal: AbortSignal): StepContext => ({ runId: run.id, plan: run.plan, step, attempt, idempotencyKey: seen.idempotencyKey, signal, firstStartedAt });
  const key = (attempt: number) => ({ runId: run.id, stepId: step.id, attempt });
  const end = async (attempt: number, outcome: Parameters<typeof finishStep>[2]): Promise<StepResult> =>
    (await finishStep(db, key(attempt), outcome, clock.now())) ? (outcome.state === 'succeeded' ? { state: 'succeeded' } : { state: 'failed', error: outcome.error }) : { state: 'lost' };

  let state = seen.state === 'running' ? ('running' as const) : ('pending' as const);
  let attempt = seen.attempt;
  if (run.dryRun) {
    const started = await startStepAttempt(db, { runId: run.id, stepId: step.id, state, attempt }, clock.now());
    if (started === null) return { state: 'lost' };
    return end(started, { state: 'succeeded', output: { dryRun: true, wouldDo: handler.describe(ctx(started, new AbortController().signal)) } });
  }
  let recheck = state === 'running';
  if (recheck && !handler.check) {
    return end(attempt, { state: 'failed', error: 'interrupted while running, and its handler has no check() to tell whether it took effect: not repeated' });
  }
  for (;;) {
    if (recheck && handler.check) {
      const check = handler.check.bind(handler);
      const verdict = await askCheck(env, (signal) => check(ctx(attempt, signal)));
      if (verdict === 'done') return end(attempt, { state: 'succeeded', output: await resumedOutput(env, ctx(attempt, new AbortController().signal)) });
      if (verdict !== 'not-done') return end(attempt, { state: 'failed', error: `could not check whether the interrupted step took effect: ${describeError(verdict)}` });
    }
    const started = await startStepAttempt(db, { runId: run.id, stepId: step.id, state, attempt }, clock.now());
    if (started === null) return { state: 'lost' };
    state = 'running';
    attempt = started;
    try {
      const output = await withTimeout(env.timeoutMs, (signal) => handler.execute(ctx(attempt, signal)));
      return end(attempt, { state: 'succeeded', output });
    } catch (error) {
      if (attempt >= env.retry.maxAttempts || !env.retry.isRetryable(error)) {
        const failure = `attempt ${attempt}: ${describeError(error)}`;
        // Undo only while this attempt still owns the step: an executor that lost it must not reverse the new owner's work.
        if (!(await recordStepRetry(db, key(attempt), failure))) return { state: 'lost' };
        return end(attempt, { state: 'failed', error: await compensated(env, ctx(attempt, new AbortController().signal), failure) });
      }
      await recordStepRetry(db, key(attempt), `attempt ${attempt}: ${describeError(error)}`);
      await clock.sleep(backoffDelayMs(attempt, env.retry, clock.random));
      recheck = handler.check !== undefined; // a failed call may still have taken effect on the far side
    }
  }
}
