import { describe, expect, it } from 'vitest';
import type { PlanStep } from './change-plan';
import { describeOffset } from './describe-offset';
import { progressAgainstObjective } from './run-progress';
import { criticalPath, runTimeline, stagesOf, type StepTimes } from './run-timeline';

const step = (id: string, dependsOn: string[] = []): PlanStep => ({ id, action: 'check-health', title: id, target: 't', params: {}, dependsOn, optional: false, estimateMinutes: 1 });
// check → (scale, restore, cache) in parallel → switch → validate
const plan = [step('check'), step('scale', ['check']), step('restore', ['check']), step('cache', ['check']), step('switch', ['scale', 'restore', 'cache']), step('validate', ['switch'])];
const T0 = Date.parse('2026-11-24T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const times = (stepId: string, start: number | null, end: number | null): StepTimes => ({ stepId, startedAt: start === null ? null : at(start), finishedAt: end === null ? null : at(end) });

describe('stagesOf', () => {
  it('puts parallel steps in one column, in plan order', () => {
    expect(stagesOf(plan)).toEqual([['check'], ['scale', 'restore', 'cache'], ['switch'], ['validate']]);
  });
});

describe('runTimeline', () => {
  it('gives each step its stage, T+ start and duration; an open step counts up to now; an unstarted one has neither', () => {
    const records = [times('check', 2, 10), times('scale', 10, 70), times('restore', 11, null), times('cache', null, null)];
    const timeline = runTimeline(plan, records, at(0), at(100));
    expect(timeline.find((t) => t.stepId === 'check')).toEqual({ stepId: 'check', stage: 1, offsetSeconds: 2, durationSeconds: 8 });
    expect(timeline.find((t) => t.stepId === 'scale')).toEqual({ stepId: 'scale', stage: 2, offsetSeconds: 10, durationSeconds: 60 });
    expect(timeline.find((t) => t.stepId === 'restore')).toEqual({ stepId: 'restore', stage: 2, offsetSeconds: 11, durationSeconds: 89 });
    expect(timeline.find((t) => t.stepId === 'cache')).toEqual({ stepId: 'cache', stage: 2, offsetSeconds: null, durationSeconds: null });
    expect(timeline.find((t) => t.stepId === 'validate')?.stage).toBe(4);
  });
});

describe('criticalPath', () => {
  it('is the longest chain of measured durations through the dependencies', () => {
    const records = [times('check', 0, 5), times('scale', 5, 40), times('restore', 5, 90), times('cache', 5, 8), times('switch', 90, 95), times('validate', 95, 120)];
    expect(criticalPath(plan, records)).toEqual(['check', 'restore', 'switch', 'validate']);
  });

  it('is empty before anything finished and stops at steps that never finished', () => {
    expect(criticalPath(plan, [times('check', 0, null)])).toEqual([]);
    expect(criticalPath(plan, [times('check', 0, null), times('scale', 5, 9)])).toEqual(['scale']);
  });
});

describe('progressAgainstObjective', () => {
  it('is the share of the objective used, capped for the bar, and says when it is over', () => {
    expect(progressAgainstObjective(900, 3600)).toEqual({ elapsedSeconds: 900, objectiveSeconds: 3600, fraction: 0.25, remainingSeconds: 2700, over: false });
    expect(progressAgainstObjective(4000, 3600)).toMatchObject({ fraction: 1, remainingSeconds: 0, over: true });
  });
});

describe('describeOffset', () => {
  it('reads like a run clock', () => {
    expect(describeOffset(0)).toBe('0s');
    expect(describeOffset(45.9)).toBe('45s');
    expect(describeOffset(192)).toBe('3m 12s');
    expect(describeOffset(3725)).toBe('1h 02m 05s');
    expect(describeOffset(-3)).toBe('0s');
  });
});
