import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { claimRunbookLease } from '@/lib/db/runbooks/claim-runbook-lease';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import type { RunState } from '@/lib/db/runbooks/runbook-record';
import { ExpectedFailure } from '@/lib/domain/errors';
import { checkPlanGraph } from './check-plan-graph';
import { createWakeup } from './create-wakeup';
import { isTransientError } from './is-transient-error';
import { pollForStop } from './poll-for-stop';
import { readySteps, type StepStatus } from './ready-steps';
import { runStep } from './run-step';
import { settleRun, type Stop } from './settle-run';
import type { EngineClock, RetryPolicy, StepRegistry } from './step-handler';
import { stepTimeoutMs } from './step-timeout';

export type RunRunbookOptions = {
  /** Who holds the run's lease; unique per process by default. */
  executorId?: string;
  /** Checked between scheduling decisions: once false, no new step starts (the next leader resumes). */
  isLeader?: () => boolean | Promise<boolean>;
  /** Per-step timeout unless the handler sets its own (default 15 min: AKS scaling is slow). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Partial<EngineClock>;
  /** How often abort, leadership and the lease are looked at while steps run. */
  pollMs?: number;
  leaseMs?: number;
};

/** How far this call got: a finished run's state, or why it stopped while the run is still running. */
export type RunRunbookResult = { runId: string; state: Exclude<RunState, 'running'>; error: string | null } | { runId: string; state: 'running'; stopped: 'busy' | 'not-leader' | 'lost-lease' };

/** How long an executor's claim on a run lasts without renewal: a dead worker's run is taken after this. */
export const DEFAULT_LEASE_MS = 30_000;

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000, isRetryable: isTransientError };
const realClock: EngineClock = { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };

/**
 * Executes (or resumes) a run's plan as a DAG: every step whose dependencies are done starts at
 * once; finished steps are never repeated. Only the holder of the run's lease executes, so a second
 * caller on the same run returns `busy`. Stops scheduling on a required step's failure or an abort.
 */
export async function runRunbook(db: Db, runId: string, registry: StepRegistry, options: RunRunbookOptions = {}): Promise<RunRunbookResult> {
  const run = await readRunbookRun(db, runId);
  if (!run) throw new ExpectedFailure(`No runbook run ${runId}.`, 'not-found');
  if (run.state !== 'running') return { runId, state: run.state, error: run.error };
  checkPlanGraph(run.plan.steps);
  const unhandled = run.plan.steps.find((step) => !(step.action in registry));
  if (unhandled) throw new Error(`no handler for action ${unhandled.action} (step ${unhandled.id})`);
  const clock: EngineClock = { ...realClock, ...options.clock };
  const executorId = options.executorId ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  const isLeader = options.isLeader ?? (() => true);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  if (!(await isLeader())) return { runId, state: 'running', stopped: 'not-leader' };
  if (!(await claimRunbookLease(db, runId, executorId, leaseMs))) return { runId, state: 'running', stopped: 'busy' };

  const status = new Map<string, StepStatus>(run.steps.map((step) => [step.stepId, { state: step.state, optional: step.optional }]));
  const records = new Map(run.steps.map((step) => [step.stepId, step]));
  const inFlight = new Map<string, Promise<void>>();
  const wakeup = createWakeup();
  let stop: Stop | undefined;
  let leaseLost = false;
  const renewal = setInterval(() => {
    claimRunbookLease(db, runId, executorId, leaseMs)
      .then((held) => (leaseLost ||= !held))
      .catch(() => (leaseLost = true))
      .finally(() => wakeup.wake());
  }, Math.max(10, leaseMs / 3));

  const failedRequired = run.steps.find((step) => step.state === 'failed' && !step.optional);
  if (failedRequired) stop = { kind: 'failed', error: `step ${failedRequired.stepId} failed: ${failedRequired.error ?? 'no reason recorded'}` };

  const launch = (stepId: string) => {
    const step = run.plan.steps.find((candidate) => candidate.id === stepId);
    const seen = records.get(stepId);
    if (!step || !seen) return;
    const handler = registry[step.action];
    const env = {
      db,
      run,
      clock,
      handler,
      timeoutMs: stepTimeoutMs(handler, step, options.timeoutMs),
      retry: { ...DEFAULT_RETRY, ...options.retry, ...handler.retry },
    };
    status.set(stepId, { state: 'running', optional: seen.optional });
    const work = runStep(env, seen, step)
      .then((result) => {
        if (result.state === 'lost') {
          // Another executor owns the run now: whatever stop we had, we must not close it.
          if (stop?.kind !== 'crashed') stop = { kind: 'lost-lease' };
          return;
        }
        status.set(stepId, { state: result.state, optional: seen.optional });
        if (result.state === 'failed' && !seen.optional) stop ??= { kind: 'failed', error: `step ${stepId} failed: ${result.error}` };
      })
      .catch((error: unknown) => {
        stop ??= { kind: 'crashed', error };
      })
      .finally(() => {
        inFlight.delete(stepId);
        wakeup.wake();
      });
    inFlight.set(stepId, work);
  };

  try {
    // Steps found running were started by a worker that died: they go first, to be re-checked.
    if (!stop) for (const step of run.steps) if (step.state === 'running') launch(step.stepId);
    for (;;) {
      // `??=` after the await: a step that failed meanwhile has already set the stop.
      if (!stop) {
        const polled = await pollForStop(db, runId, isLeader, leaseLost);
        stop ??= polled;
      }
      if (!stop) for (const step of readySteps(run.plan.steps, status)) launch(step.id);
      if (inFlight.size === 0) break;
      await wakeup.wait(options.pollMs ?? 500);
    }
  } finally {
    clearInterval(renewal);
  }
  return settleRun(db, runId, executorId, stop, status, clock.now());
}
