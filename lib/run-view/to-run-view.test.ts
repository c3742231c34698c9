import { describe, expect, it } from 'vitest';
import type { MeasuredRunRecord } from '@/lib/db/runbooks/measured-run-record';
import type { RunbookStepRecord } from '@/lib/db/runbooks/runbook-record';
import type { ChangePlan, PlanAction } from '@/lib/domain/change-plan';
import { advanceRunView } from './advance-run-view';
import { toRunView } from './to-run-view';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));
const planStep = (id: string, action: PlanAction, dependsOn: string[]) => ({ id, action, title: `step ${id}`, target: 't', params: {}, dependsOn, optional: false, estimateMinutes: 1 });
const record = (stepId: string, state: RunbookStepRecord['state'], startedAt: Date | null, finishedAt: Date | null): RunbookStepRecord => ({ stepId, action: 'check-health', state, attempt: startedAt ? 1 : 0, idempotencyKey: stepId, optional: false, startedAt, finishedAt, output: null, error: null });

const plan: ChangePlan = { kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', steps: [planStep('check', 'check-health', []), planStep('switch', 'switch-route', ['check'])] };
// The request was made at 12:00:00 and approved; the run started ten minutes later, at 12:10:00.
const requestedAt = at(0);
const runStart = at(600);
const run = (overrides: Partial<MeasuredRunRecord> = {}): MeasuredRunRecord => ({
  id: 'run-1',
  requestId: 'request-1',
  kind: plan.kind,
  planDigest: 'd'.repeat(64),
  plan,
  state: 'running',
  dryRun: false,
  startedAt: runStart,
  finishedAt: null,
  abortRequestedAt: null,
  abortRequestedBy: null,
  error: null,
  steps: [record('check', 'succeeded', at(605), at(620)), record('switch', 'running', at(620), null)],
  executorId: 'worker',
  leaseExpiresAt: at(10_000),
  declaredAt: null,
  failureAt: null,
  servingAt: null,
  dataAsOf: null,
  rtoSeconds: null,
  rpoSeconds: null,
  ...overrides,
});
const objectives = { rtoMinutes: 20, rpoMinutes: 15 };
const audit = [{ seq: '1', at: at(1), actorId: 'op', actorName: 'Omar Operator', action: 'change.requested', outcome: 'success', targetType: 'change-request', targetId: 'request-1', payload: { comment: 'secret reason' } }];

describe('toRunView', () => {
  it('times a real run against its RTO from the request, as the recorded RTO does, while step T+ stays relative to the run start', () => {
    const view = toRunView(run(), audit, objectives, at(630), { state: 'executing', requestedAt });
    expect(view.rtoClock).toEqual({ from: 'request', startedAt: requestedAt.toISOString() });
    expect(view.progress).toMatchObject({ elapsedSeconds: 630, objectiveSeconds: 1200, remainingSeconds: 570, over: false });
    expect(view.steps.map((step) => [step.stepId, step.offsetSeconds, step.durationSeconds])).toEqual([
      ['check', 5, 15],
      ['switch', 20, 10],
    ]);
  });

  it('goes over the objective when the approval took most of it', () => {
    const view = toRunView(run(), audit, objectives, at(1300), { state: 'executing', requestedAt });
    expect(view.progress).toMatchObject({ elapsedSeconds: 1300, over: true });
  });

  it('times a dry run from its own start', () => {
    const view = toRunView(run({ dryRun: true }), audit, objectives, at(630), { state: 'pending', requestedAt });
    expect(view.rtoClock).toEqual({ from: 'run', startedAt: runStart.toISOString() });
    expect(view.progress.elapsedSeconds).toBe(30);
  });

  it('times a run without a request from its own start', () => {
    expect(toRunView(run({ requestId: null }), audit, objectives, at(630)).progress.elapsedSeconds).toBe(30);
  });

  it('times a drill from its simulated failure once that has happened', () => {
    const drill: ChangePlan = { ...plan, kind: 'drill', steps: [planStep('simulate', 'simulate-region-failure', []), planStep('check', 'check-health', ['simulate'])] };
    const before = toRunView(run({ kind: 'drill', plan: drill, steps: [record('simulate', 'running', at(601), null)] }), audit, objectives, at(630), { state: 'executing', requestedAt });
    expect(before.rtoClock.from).toBe('request');
    const after = toRunView(run({ kind: 'drill', plan: drill, steps: [record('simulate', 'succeeded', at(601), at(610))] }), audit, objectives, at(630), { state: 'executing', requestedAt });
    expect(after.rtoClock).toEqual({ from: 'simulated-failure', startedAt: at(610).toISOString() });
    expect(after.progress.elapsedSeconds).toBe(20);
  });

  it('stops the clock at the run end and keeps the request closing flag', () => {
    const view = toRunView(run({ state: 'succeeded', finishedAt: at(700) }), audit, objectives, at(900), { state: 'executing', requestedAt });
    expect(view.progress.elapsedSeconds).toBe(700);
    expect(view.closing).toBe(true);
  });

  it('sends the audit trail without payloads', () => {
    const [event] = toRunView(run(), audit, objectives, at(630), { state: 'executing', requestedAt }).audit;
    expect(event).toEqual({ seq: '1', at: at(1).toISOString(), actorName: 'Omar Operator', action: 'change.requested', outcome: 'success', targetType: 'change-request', targetId: 'request-1' });
  });
});

describe('advanceRunView', () => {
  it('moves a running run on: its elapsed clock and its running steps, not the finished ones or the T+ offsets', () => {
    const view = advanceRunView(toRunView(run(), audit, objectives, at(630), { state: 'executing', requestedAt }), 3);
    expect(view.progress).toMatchObject({ elapsedSeconds: 633, remainingSeconds: 567 });
    expect(view.steps.map((step) => [step.stepId, step.offsetSeconds, step.durationSeconds])).toEqual([
      ['check', 5, 15],
      ['switch', 20, 13],
    ]);
  });

  it('leaves an ended run alone', () => {
    const view = toRunView(run({ state: 'succeeded', finishedAt: at(700) }), audit, objectives, at(900), { state: 'done', requestedAt });
    expect(advanceRunView(view, 5)).toBe(view);
  });
});
