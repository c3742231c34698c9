import { describe, expect, it } from 'vitest';
import { drillResult, evaluateDrillCriteria, type DrillEvidence } from './drill-criteria';

const validate = (stepId: string, state = 'succeeded') => ({ stepId, action: 'validate-serving', state, output: { healthRegion: 'canadaeast', queryTopHit: 'marker', authUser: 'lifeboat-smoke' }, error: state === 'failed' ? 'GET /health answered 503' : null });
const evidence = (run: Partial<NonNullable<DrillEvidence['run']>> | null, confirmed = true): DrillEvidence => ({
  objectives: { rtoMinutes: 60, rpoMinutes: 60 },
  run: run === null ? null : { state: 'succeeded', rtoSeconds: 900, rpoSeconds: 1_200, steps: [validate('failover/validate'), validate('failback/validate')], ...run },
  participants: [
    { userName: 'Omar Operator', confirmedAt: new Date('2026-11-24T12:00:00Z') },
    { userName: 'Ada Architect', confirmedAt: confirmed ? new Date('2026-11-24T12:05:00Z') : null },
  ],
});

describe('evaluateDrillCriteria', () => {
  it('passes when RTO and RPO are within the objectives, the smoke tests passed and everyone confirmed', () => {
    const verdict = evaluateDrillCriteria(evidence({}));
    expect(verdict.passed).toBe(true);
    expect(verdict.criteria.map((c) => [c.id, c.passed])).toEqual([['rto', true], ['rpo', true], ['smoke', true], ['confirmed', true]]);
    expect(verdict.criteria[0]?.evidence).toBe('measured 15 min (900 s), within the objective 60 min');
  });

  it('fails on an RTO beyond the objective, a failed smoke test, or a failed run', () => {
    expect(evaluateDrillCriteria(evidence({ rtoSeconds: 3_601 })).passed).toBe(false);
    const smoke = evaluateDrillCriteria(evidence({ state: 'failed', steps: [validate('failover/validate', 'failed')] }));
    expect(smoke.passed).toBe(false);
    expect(smoke.criteria.find((c) => c.id === 'smoke')).toMatchObject({ passed: false, evidence: 'failover/validate failed: GET /health answered 503' });
    expect(evaluateDrillCriteria(evidence({ state: 'aborted', rtoSeconds: null, rpoSeconds: null, steps: [] })).passed).toBe(false);
  });

  it('stays open while a confirmation or a measurement is missing', () => {
    const waiting = evaluateDrillCriteria(evidence({}, false));
    expect(waiting.passed).toBeNull();
    expect(waiting.criteria.find((c) => c.id === 'confirmed')?.evidence).toBe('waiting for Ada Architect');
    expect(evaluateDrillCriteria(evidence(null)).passed).toBeNull();
  });
});

describe('drillResult', () => {
  it('says passed, failed or open', () => {
    expect([true, false, null].map((passed) => drillResult({ criteria: [], passed }))).toEqual(['passed', 'failed', 'open']);
  });
});
