import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunbookRun } from '@/lib/db/runbooks/create-runbook-run';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import type { RunbookStepRecord } from '@/lib/db/runbooks/runbook-record';
import { startStepAttempt } from '@/lib/db/runbooks/start-step-attempt';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { buildChangePlan } from '@/lib/domain/build-change-plan';
import type { PlanStep } from '@/lib/domain/change-plan';
import { requestAbortInTransaction } from './request-abort-in-transaction';
import { runRunbook, type RunRunbookOptions } from './run-runbook';
import { delay, fakeRegistry, planStep, testPlan, type FakeStep } from './testing/fake-registry';
import type { StepContext, StepOutput } from './step-handler';
import { TEST_TOPOLOGY as TOPOLOGY } from '@/lib/domain/testing/plan-topology-fixture';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_runbooks');
});
afterAll(async () => test?.drop());

const FAST: RunRunbookOptions = { pollMs: 20, retry: { baseDelayMs: 1, maxDelayMs: 5 } };
const OPERATOR = { id: 'u-olivia', name: 'Olivia Operator', roles: ['Operator'] };

async function newRun(steps: PlanStep[], dryRun = false): Promise<string> {
  return createRunbookRun(test.db, { requestId: null, plan: testPlan(steps), planDigest: 'sha256:test', dryRun });
}

async function stepsOf(runId: string): Promise<Record<string, RunbookStepRecord>> {
  const run = await readRunbookRun(test.db, runId);
  return Object.fromEntries((run?.steps ?? []).map((step) => [step.stepId, step]));
}

const sleepFor = (ms: number): FakeStep => ({ execute: async () => (await delay(ms), { sleptMs: ms }) });
/** A step that says when it has started and finishes only when released: no timing race in the test. */
function gatedStep(output: StepOutput): { step: FakeStep; started: Promise<void>; release: () => void } {
  let markStarted = () => undefined as void;
  let release = () => undefined as void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { step: { execute: async () => (markStarted(), await released, output), check: async () => 'not-done' }, started, release };
}
const httpError = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { statusCode });

/** Leaves a step as a worker that died mid-step would: running, attempt 1, its lease lapsed. */
async function simulateCrash(runId: string, running: string, succeeded: string[]): Promise<void> {
  await test.db.runbookStep.updateMany({ where: { runId, stepId: { in: succeeded } }, data: { state: 'running', attempt: 1, startedAt: new Date() } });
  await test.db.runbookStep.updateMany({ where: { runId, stepId: { in: succeeded } }, data: { state: 'succeeded', finishedAt: new Date(), output: { before: 'crash' } } });
  await test.db.runbookStep.updateMany({ where: { runId, stepId: running }, data: { state: 'running', attempt: 1, startedAt: new Date() } });
  await test.db.runbookRun.update({ where: { id: runId }, data: { executorId: 'dead-worker', leaseExpiresAt: new Date(Date.now() - 1_000) } });
}


describe('runRunbook: the DAG', () => {
  it('runs a real drill plan: every step once, each after all its dependencies ended', async () => {
    const plan = buildChangePlan('drill', TOPOLOGY);
    const runId = await newRun(plan.steps);
    const fake = fakeRegistry(Object.fromEntries(plan.steps.map((step) => [step.id, sleepFor(20)])));

    expect((await runRunbook(test.db, runId, fake.registry, FAST)).state).toBe('succeeded');

    const steps = await stepsOf(runId);
    for (const step of plan.steps) {
      expect(fake.executions(step.id), step.id).toBe(1);
      for (const dependency of step.dependsOn) {
        expect(steps[step.id]!.startedAt!.getTime(), `${step.id} after ${dependency}`).toBeGreaterThanOrEqual(steps[dependency]!.finishedAt!.getTime());
      }
    }
  });


  it('runs independent steps in parallel and a dependent only after all its dependencies', async () => {
    const runId = await newRun([planStep('scale'), planStep('qdrant'), planStep('switch', ['scale', 'qdrant'])]);
    const fake = fakeRegistry({ scale: sleepFor(200), qdrant: sleepFor(200) });

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result).toEqual({ runId, state: 'succeeded', error: null });
    const steps = await stepsOf(runId);
    const [scale, qdrant, sw] = [steps.scale!, steps.qdrant!, steps.switch!];
    // Overlap: each started before the other finished.
    expect(scale.startedAt!.getTime()).toBeLessThan(qdrant.finishedAt!.getTime());
    expect(qdrant.startedAt!.getTime()).toBeLessThan(scale.finishedAt!.getTime());
    expect(sw.startedAt!.getTime()).toBeGreaterThanOrEqual(Math.max(scale.finishedAt!.getTime(), qdrant.finishedAt!.getTime()));
    expect(fake.calls.map((call) => call.stepId).at(-1)).toBe('switch');
    expect(Object.values(steps).map((step) => [step.state, step.attempt, step.idempotencyKey])).toEqual([
      ['succeeded', 1, `${runId}:scale`],
      ['succeeded', 1, `${runId}:qdrant`],
      ['succeeded', 1, `${runId}:switch`],
    ]);
    expect(steps.scale!.output).toEqual({ sleptMs: 200 });
  });

  it('retries a retryable error with exponential backoff, then records the success and its attempts', async () => {
    const runId = await newRun([planStep('switch')]);
    const sleeps: number[] = [];
    let failuresLeft = 2;
    const fake = fakeRegistry({
      switch: {
        execute: async () => {
          if (failuresLeft-- > 0) throw httpError(429);
          return { switched: true };
        },
      },
    });

    const result = await runRunbook(test.db, runId, fake.registry, {
      ...FAST,
      retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 },
      clock: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    });

    expect(result.state).toBe('succeeded');
    expect(fake.calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
    // Equal jitter with random 0.5: three quarters of 1 s, then of 2 s.
    expect(sleeps).toEqual([750, 1_500]);
    const { switch: step } = await stepsOf(runId);
    expect([step!.state, step!.attempt, step!.output, step!.error]).toEqual(['succeeded', 3, { switched: true }, null]);
  });

  it('fails the run on a non-retryable error: no dependent starts, nothing new is scheduled, running steps finish', async () => {
    const runId = await newRun([planStep('qdrant'), planStep('scale'), planStep('switch', ['qdrant', 'scale']), planStep('after-scale', ['scale'])]);
    const fake = fakeRegistry({
      qdrant: { execute: async () => Promise.reject(new Error('secondary Qdrant refused the restore')) },
      scale: sleepFor(150),
    });

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result.state).toBe('failed');
    expect(result.state === 'failed' && result.error).toMatch(/step qdrant failed: attempt 1: secondary Qdrant refused the restore/);
    expect(result.state === 'failed' && result.error).toMatch(/not started: switch, after-scale/);
    expect(fake.executions('qdrant')).toBe(1);
    expect(fake.executions('switch')).toBe(0);
    expect(fake.executions('after-scale')).toBe(0);
    const steps = await stepsOf(runId);
    expect(Object.values(steps).map((step) => [step.stepId, step.state])).toEqual([
      ['qdrant', 'failed'],
      ['scale', 'succeeded'],
      ['switch', 'skipped'],
      ['after-scale', 'skipped'],
    ]);
    const run = await readRunbookRun(test.db, runId);
    expect(run!.state).toBe('failed');
    expect(run!.finishedAt).not.toBeNull();
  });

  it('undoes a failed step, unless another executor took the step over meanwhile', async () => {
    const undone: string[] = [];
    const compensate = async (ctx: StepContext) => (undone.push(ctx.step.id), 'traffic returned to the secondary');
    const owned = await newRun([planStep('shift')]);
    const failing = fakeRegistry({ shift: { execute: async () => Promise.reject(new Error('gate failed')), compensate } });
    const result = await runRunbook(test.db, owned, failing.registry, FAST);
    expect(result.state === 'failed' && result.error).toMatch(/gate failed; traffic returned to the secondary/);
    expect(undone).toEqual(['shift']);

    // While this executor's attempt fails, another one (after a lapsed lease) has started attempt 2.
    undone.length = 0;
    const taken = await newRun([planStep('shift')]);
    const overtaken = fakeRegistry({
      shift: {
        execute: async () => {
          await test.db.runbookStep.updateMany({ where: { runId: taken, stepId: 'shift' }, data: { attempt: 2 } });
          throw new Error('gate failed');
        },
        compensate,
      },
    });
    await runRunbook(test.db, taken, overtaken.registry, FAST);
    expect(undone).toEqual([]);
    expect((await stepsOf(taken)).shift).toMatchObject({ state: 'running', attempt: 2 });
  });

  it('gives up after maxAttempts of a retryable error', async () => {
    const runId = await newRun([planStep('switch')]);
    const fake = fakeRegistry({ switch: { execute: async () => Promise.reject(httpError(503)) } });

    const result = await runRunbook(test.db, runId, fake.registry, { ...FAST, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });

    expect(result.state).toBe('failed');
    expect(fake.executions('switch')).toBe(3);
    const { switch: step } = await stepsOf(runId);
    expect([step!.state, step!.attempt, step!.error]).toEqual(['failed', 3, 'attempt 3: HTTP 503']);
  });

  it('goes on degraded when an optional step fails: its dependents still run', async () => {
    const runId = await newRun([planStep('redis', [], { optional: true, action: 'restore-redis' }), planStep('scale'), planStep('switch', ['redis', 'scale'])]);
    const fake = fakeRegistry({ redis: { execute: async () => Promise.reject(new Error('no Redis backup')) } });

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result).toEqual({ runId, state: 'degraded', error: 'optional steps failed: redis' });
    expect(fake.executions('switch')).toBe(1);
    const steps = await stepsOf(runId);
    expect([steps.redis!.state, steps.switch!.state]).toEqual(['failed', 'succeeded']);
  });

  it('times a step out, aborting the signal it handed over', async () => {
    const runId = await newRun([planStep('scale')]);
    let sawAbort = false;
    const fake = fakeRegistry({
      scale: {
        execute: (ctx) =>
          new Promise((_, reject) =>
            ctx.signal.addEventListener('abort', () => {
              sawAbort = true;
              reject(new Error('cancelled'));
            }),
          ),
      },
    });

    const result = await runRunbook(test.db, runId, fake.registry, { ...FAST, timeoutMs: 100 });

    expect(result.state).toBe('failed');
    expect(sawAbort).toBe(true);
    const { scale } = await stepsOf(runId);
    expect([scale!.state, scale!.error]).toEqual(['failed', 'attempt 1: timed out after 100 ms']);
  });

  it('leaves a finished run alone', async () => {
    const runId = await newRun([planStep('scale')]);
    const fake = fakeRegistry({});
    await runRunbook(test.db, runId, fake.registry, FAST);

    expect(await runRunbook(test.db, runId, fake.registry, FAST)).toEqual({ runId, state: 'succeeded', error: null });
    expect(fake.executions('scale')).toBe(1);
  });
});

describe('runRunbook: resuming after a crash', () => {
  it('does not repeat succeeded steps, and a step left running whose effect is done is marked succeeded, not re-executed', async () => {
    const runId = await newRun([planStep('scale'), planStep('switch', ['scale']), planStep('validate', ['switch'])]);
    await simulateCrash(runId, 'switch', ['scale']);
    const fake = fakeRegistry({ switch: { check: async () => 'done' } });

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result.state).toBe('succeeded');
    expect(fake.calls).toEqual([
      { stepId: 'switch', kind: 'check', attempt: 1 },
      { stepId: 'validate', kind: 'execute', attempt: 1 },
    ]);
    const steps = await stepsOf(runId);
    expect([steps.scale!.output, steps.switch!.output, steps.switch!.attempt]).toEqual([{ before: 'crash' }, { resumed: true }, 1]);
  });

  it('gives up on a resumed step\'s recoverOutput() after the step timeout, aborting its signal, and still marks the step succeeded', async () => {
    const runId = await newRun([planStep('switch')]);
    await simulateCrash(runId, 'switch', []);
    const fake = fakeRegistry({ switch: { check: async () => 'done' } });
    let sawAbort = false;
    const hung = new Promise<StepOutput>(() => undefined);
    const registry = { ...fake.registry, 'check-health': { ...fake.registry['check-health'], recoverOutput: async (ctx: StepContext) => (ctx.signal.addEventListener('abort', () => (sawAbort = true)), hung) } };

    const result = await runRunbook(test.db, runId, registry, { ...FAST, timeoutMs: 100 });

    expect(result.state).toBe('succeeded');
    expect(sawAbort).toBe(true);
    expect((await stepsOf(runId)).switch!.output).toEqual({ recoverError: 'timed out after 100 ms', resumed: true });
  }, 10_000);

  it('re-executes a step left running exactly once when its check says not done', async () => {
    const runId = await newRun([planStep('scale'), planStep('switch', ['scale'])]);
    await simulateCrash(runId, 'switch', ['scale']);
    const fake = fakeRegistry({ switch: { check: async () => 'not-done' } });

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result.state).toBe('succeeded');
    expect(fake.calls).toEqual([
      { stepId: 'switch', kind: 'check', attempt: 1 },
      { stepId: 'switch', kind: 'execute', attempt: 2 },
    ]);
    const { switch: step } = await stepsOf(runId);
    expect([step!.state, step!.attempt]).toEqual(['succeeded', 2]);
  });

  it('retries a check that fails transiently (429) before deciding, and fails the step on a check that keeps failing otherwise', async () => {
    const runId = await newRun([planStep('scale'), planStep('switch', ['scale'])]);
    await simulateCrash(runId, 'switch', ['scale']);
    let checks = 0;
    const fake = fakeRegistry({ switch: { check: async () => (++checks === 1 ? Promise.reject(httpError(429)) : 'done') } });
    expect((await runRunbook(test.db, runId, fake.registry, FAST)).state).toBe('succeeded');
    expect(checks).toBe(2);
    expect(fake.calls.filter((call) => call.kind === 'execute')).toEqual([]);

    const other = await newRun([planStep('scale'), planStep('switch', ['scale'])]);
    await simulateCrash(other, 'switch', ['scale']);
    const broken = fakeRegistry({ switch: { check: async () => Promise.reject(httpError(403)) } });
    expect((await runRunbook(test.db, other, broken.registry, FAST)).state).toBe('failed');
    expect((await stepsOf(other)).switch?.error).toBe('could not check whether the interrupted step took effect: HTTP 403');
  });

  it('never blindly repeats a step left running whose handler cannot check', async () => {
    const runId = await newRun([planStep('switch')]);
    await simulateCrash(runId, 'switch', []);
    const fake = fakeRegistry({});

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result.state).toBe('failed');
    expect(fake.executions('switch')).toBe(0);
    expect((await stepsOf(runId)).switch!.error).toMatch(/no check\(\)/);
  });

  it('does not take over a run whose executor still holds a live lease', async () => {
    const runId = await newRun([planStep('scale')]);
    await test.db.runbookRun.update({ where: { id: runId }, data: { executorId: 'alive-worker', leaseExpiresAt: new Date(Date.now() + 60_000) } });
    const fake = fakeRegistry({});

    expect(await runRunbook(test.db, runId, fake.registry, FAST)).toEqual({ runId, state: 'running', stopped: 'busy' });
    expect(fake.calls).toEqual([]);
  });

  it('lets only one of two concurrent executors run the steps', async () => {
    const runId = await newRun([planStep('scale'), planStep('qdrant'), planStep('switch', ['scale', 'qdrant'])]);
    const fake = fakeRegistry({ scale: sleepFor(100), qdrant: sleepFor(100) });

    const results = await Promise.all([
      runRunbook(test.db, runId, fake.registry, { ...FAST, executorId: 'worker-a' }),
      runRunbook(test.db, runId, fake.registry, { ...FAST, executorId: 'worker-b' }),
    ]);

    expect(results.map((result) => result.state).sort()).toEqual(['running', 'succeeded']);
    expect(['scale', 'qdrant', 'switch'].map(fake.executions)).toEqual([1, 1, 1]);
  });

  it('a second executor arriving mid-step does not mistake the live step for a crashed one', async () => {
    const runId = await newRun([planStep('scale')]);
    const gate = gatedStep({ scaled: true });
    const fake = fakeRegistry({ scale: gate.step });

    const first = runRunbook(test.db, runId, fake.registry, { ...FAST, executorId: 'worker-a' });
    await gate.started;
    const second = await runRunbook(test.db, runId, fake.registry, { ...FAST, executorId: 'worker-b' });
    gate.release();

    expect(second).toEqual({ runId, state: 'running', stopped: 'busy' });
    expect((await first).state).toBe('succeeded');
    expect(fake.calls).toEqual([{ stepId: 'scale', kind: 'execute', attempt: 1 }]);
  });

  it('starts an attempt once even when two callers claim it at the same moment', async () => {
    const runId = await newRun([planStep('scale')]);
    const seen = { runId, stepId: 'scale', state: 'pending' as const, attempt: 0 };

    const claims = await Promise.all(Array.from({ length: 5 }, () => startStepAttempt(test.db, seen, new Date())));

    expect(claims.filter((claim) => claim !== null)).toEqual([1]);
  });

  it('stops scheduling when leadership is lost; the next leader resumes without repeating', async () => {
    const runId = await newRun([planStep('scale'), planStep('switch', ['scale'])]);
    let leader = true;
    const fake = fakeRegistry({
      scale: {
        execute: async () => {
          await delay(50);
          leader = false; // the lock is lost while the first step runs
          return { scaled: true };
        },
      },
    });

    const first = await runRunbook(test.db, runId, fake.registry, { ...FAST, executorId: 'old-leader', isLeader: () => leader });
    expect(first).toEqual({ runId, state: 'running', stopped: 'not-leader' });
    expect((await stepsOf(runId)).switch!.state).toBe('pending');

    const second = await runRunbook(test.db, runId, fake.registry, { ...FAST, executorId: 'new-leader' });
    expect(second.state).toBe('succeeded');
    expect(['scale', 'switch'].map(fake.executions)).toEqual([1, 1]);
  });
});

describe('runRunbook: abort and dry run', () => {
  it('on abort, lets the running step finish, starts nothing new and records where it stopped', async () => {
    const runId = await newRun([planStep('scale'), planStep('switch', ['scale']), planStep('validate', ['switch'])]);
    const gate = gatedStep({ scaled: true });
    const fake = fakeRegistry({ scale: gate.step });

    // What the Abort action does in its transaction (its audit event is tested with the action).
    const abort = () => test.db.$transaction((tx) => requestAbortInTransaction(tx, runId, OPERATOR.name, new Date()));
    const running = runRunbook(test.db, runId, fake.registry, FAST);
    await gate.started;
    await abort();
    gate.release();
    const result = await running;

    expect(result.state).toBe('aborted');
    expect(result.state === 'aborted' && result.error).toMatch(/^aborted by Olivia Operator at .+; succeeded: scale; not started: switch, validate$/);
    expect(fake.executions('switch')).toBe(0);
    const steps = await stepsOf(runId);
    expect(Object.values(steps).map((step) => step.state)).toEqual(['succeeded', 'aborted', 'aborted']);
    await expect(abort()).rejects.toMatchObject({ code: 'not-running' });
  });

  it('dry run: every step records what it would do and nothing executes', async () => {
    const runId = await newRun([planStep('scale', [], { target: 'aks/secondary/pool' }), planStep('switch', ['scale'])], true);
    const fake = fakeRegistry({ scale: { execute: async () => Promise.reject(new Error('must not run')), check: async () => 'not-done' } });

    const result = await runRunbook(test.db, runId, fake.registry, FAST);

    expect(result.state).toBe('succeeded');
    expect(fake.calls.map((call) => call.kind)).toEqual(['describe', 'describe']);
    const steps = await stepsOf(runId);
    expect(steps.scale!.output).toEqual({ dryRun: true, wouldDo: 'would run scale on aks/secondary/pool' });
  });
});
