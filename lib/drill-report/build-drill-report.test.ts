import { describe, expect, it } from 'vitest';
import { evaluateDrillCriteria } from '@/lib/domain/drill-criteria';
import { buildDrillReport } from './build-drill-report';
import { at, DRILL_ID, drillFacts, drillRun, REQUEST_ID, RUN_ID } from './testing/drill-report-facts-fixture';

const objectives = { rtoMinutes: 240, rpoMinutes: 15 };
const now = new Date('2026-11-21T00:00:00Z');

describe('buildDrillReport', () => {
  it('carries the drill, its request with who approved, and the run with exactly the RTO and RPO it recorded against the objectives', () => {
    const report = buildDrillReport(drillFacts(), objectives, now);
    expect(report.generatedAt).toBe(now.toISOString());
    expect(report.drill).toEqual({ id: DRILL_ID, title: 'Q4 drill', environment: 'lab', scheduledFor: at(-3600).toISOString(), state: 'ran', createdByName: 'Ada Architect', createdAt: '2026-11-01T09:00:00.000Z' });
    expect(report.request).toMatchObject({ id: REQUEST_ID, kind: 'drill', state: 'done', requestedByName: 'Omar Operator', approversRequired: 2, approvers: ['Approver 1', 'Approver 2'] });
    expect(report.request?.decisions.map((d) => [d.approverName, d.voided])).toEqual([['Approver 1', false], ['Approver 2', false], ['Approver 3', true]]);
    expect(report.run).toEqual({
      id: RUN_ID,
      state: 'succeeded',
      startedAt: at(0).toISOString(),
      finishedAt: at(900).toISOString(),
      error: null,
      declaredAt: at(-30).toISOString(),
      failureAt: at(-60).toISOString(),
      servingAt: at(600).toISOString(),
      dataAsOf: at(-360).toISOString(),
      rtoSeconds: 630,
      rpoSeconds: 300,
      rtoObjectiveSeconds: 14_400,
      rpoObjectiveSeconds: 900,
    });
  });

  it('lists every step in plan order with its times, T+ offset, duration, attempts and error', () => {
    const facts = drillFacts({ run: drillRun({ state: 'failed', finishedAt: at(300), steps: drillRun().steps.map((s) => (s.stepId === 'validate' ? { ...s, state: 'failed', finishedAt: at(300), error: 'GET /health answered 503' } : s)) }) });
    const { timeline } = buildDrillReport(facts, objectives, now);
    expect(timeline.map((s) => [s.stepId, s.stage, s.state, s.offsetSeconds, s.durationSeconds, s.attempt])).toEqual([
      ['check', 1, 'succeeded', 0, 20, 1],
      ['switch', 2, 'succeeded', 20, 180, 3],
      ['validate', 3, 'failed', 200, 100, 1],
    ]);
    expect(timeline[2]).toMatchObject({ title: 'Step validate', action: 'validate-serving', target: 'target-validate', startedAt: at(200).toISOString(), finishedAt: at(300).toISOString(), error: 'GET /health answered 503' });
  });

  it('judges the criteria with evaluateDrillCriteria, on the run and the participants', () => {
    const facts = drillFacts();
    const report = buildDrillReport(facts, objectives, now);
    expect(report.criteria).toEqual(evaluateDrillCriteria({ objectives, run: facts.run, participants: facts.drill.participants }).criteria);
    expect(report.criteria.map((c) => [c.id, c.passed])).toEqual([['rto', true], ['rpo', true], ['smoke', true], ['confirmed', true]]);
    expect(report.result).toBe('passed');
    expect(buildDrillReport(facts, { rtoMinutes: 240, rpoMinutes: 4 }, now)).toMatchObject({ result: 'failed', criteria: expect.arrayContaining([expect.objectContaining({ id: 'rpo', passed: false })]) });
  });

  it('carries participants with their confirmations, the lessons learned and the follow-ups', () => {
    const report = buildDrillReport(drillFacts(), objectives, now);
    expect(report.participants).toEqual([
      { userId: 'operator', userName: 'Omar Operator', role: 'Operator', confirmedAt: at(1000).toISOString(), comment: 'followed the runbook' },
      { userId: 'architect', userName: 'Ada Architect', role: 'Architect', confirmedAt: at(1100).toISOString(), comment: null },
    ]);
    expect(report.lessonsLearned).toBe('Scaling AKS took longest.');
    expect(report.followUps).toEqual([{ id: 'f1', text: 'Pre-scale the standby pool', owner: 'Ada Architect', dueDate: '2026-12-15', done: false }]);
  });

  it('compares with the earlier drills oldest first, each judged the same way, ending with this one', () => {
    const { comparison } = buildDrillReport(drillFacts(), objectives, now);
    expect(comparison.map((p) => [p.drillId, p.rtoSeconds, p.rpoSeconds, p.result, p.current])).toEqual([
      ['d-2026-05', 20_000, 120, 'failed', false],
      ['d-2026-08', 1500, 120, 'passed', false],
      [DRILL_ID, 630, 300, 'passed', true],
    ]);
    expect(comparison[0]).toMatchObject({ scheduledFor: '2026-05-20T02:00:00.000Z', title: 'Drill of 2026-05-20' });
  });

  it('reports a drill that has not run yet: no run, no timeline, criteria open, only earlier drills to compare', () => {
    const report = buildDrillReport(drillFacts({ run: null, request: null }), objectives, now);
    expect(report).toMatchObject({ run: null, request: null, timeline: [], result: 'open' });
    expect(report.criteria.find((c) => c.id === 'rto')).toMatchObject({ passed: null, evidence: 'not measured (objective 240 min)' });
    expect(report.comparison.map((p) => p.current)).toEqual([false, false]);
  });

  it('counts a step still running up to now', () => {
    const running = drillRun({ state: 'running', finishedAt: null, rtoSeconds: null, rpoSeconds: null, steps: drillRun().steps.map((s) => (s.stepId === 'validate' ? { ...s, state: 'running', finishedAt: null } : s)) });
    const report = buildDrillReport(drillFacts({ run: running }), objectives, at(260));
    expect(report.timeline.find((s) => s.stepId === 'validate')).toMatchObject({ state: 'running', durationSeconds: 60, finishedAt: null });
    expect(report.result).toBe('open');
  });
});
