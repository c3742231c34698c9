import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff-delay';
import { checkPlanGraph } from './check-plan-graph';
import { describeStop } from './describe-stop';
import { readySteps, type StepStatus } from './ready-steps';
import { planStep } from './testing/fake-registry';
import { StepTimeoutError, withTimeout } from './with-timeout';

const status = (entries: [string, StepStatus['state'], boolean?][]) => new Map(entries.map(([id, state, optional]) => [id, { state, optional: optional ?? false }]));

describe('backoffDelayMs', () => {
  const policy = { baseDelayMs: 1_000, maxDelayMs: 5_000 };
  it('doubles per failed attempt, between half and all of the ceiling, and stops at the cap', () => {
    expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt, policy, () => 0))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt, policy, () => 1))).toEqual([1_000, 2_000, 4_000]);
    expect(backoffDelayMs(10, policy, () => 1)).toBe(5_000);
  });
});

describe('readySteps', () => {
  const steps = [planStep('a'), planStep('redis'), planStep('b', ['a', 'redis']), planStep('c', ['b'])];
  it('starts a step only when every dependency succeeded or failed while optional', () => {
    expect(readySteps(steps, status([['a', 'pending'], ['redis', 'pending'], ['b', 'pending'], ['c', 'pending']])).map((s) => s.id)).toEqual(['a', 'redis']);
    expect(readySteps(steps, status([['a', 'succeeded'], ['redis', 'running', true], ['b', 'pending'], ['c', 'pending']])).map((s) => s.id)).toEqual([]);
    expect(readySteps(steps, status([['a', 'succeeded'], ['redis', 'failed', true], ['b', 'pending'], ['c', 'pending']])).map((s) => s.id)).toEqual(['b']);
    expect(readySteps(steps, status([['a', 'succeeded'], ['redis', 'failed', false], ['b', 'pending'], ['c', 'pending']])).map((s) => s.id)).toEqual([]);
  });
});

describe('checkPlanGraph', () => {
  it('refuses duplicates, unknown dependencies and cycles', () => {
    expect(() => checkPlanGraph([planStep('a'), planStep('a')])).toThrow(/twice/);
    expect(() => checkPlanGraph([planStep('a', ['ghost'])])).toThrow(/unknown step ghost/);
    expect(() => checkPlanGraph([planStep('a', ['b']), planStep('b', ['a'])])).toThrow(/depends on itself/);
    expect(() => checkPlanGraph([planStep('a'), planStep('b', ['a'])])).not.toThrow();
  });
});

describe('withTimeout', () => {
  it('returns the result in time, and rejects with a timeout otherwise', async () => {
    await expect(withTimeout(1_000, async () => 'ok')).resolves.toBe('ok');
    await expect(withTimeout(20, () => new Promise(() => undefined))).rejects.toBeInstanceOf(StepTimeoutError);
  });
});

describe('describeStop', () => {
  it('says what succeeded, failed and never started', () => {
    expect(describeStop('aborted by Olivia', status([['a', 'succeeded'], ['redis', 'failed', true], ['b', 'aborted']]), ['b'])).toBe(
      'aborted by Olivia; succeeded: a; failed: redis; not started: b',
    );
  });
});
