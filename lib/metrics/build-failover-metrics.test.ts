import { describe, expect, it } from 'vitest';
import type { DrillWithRun } from '@/lib/db/metrics/drill-with-run';
import type { RecoveryRunRecord } from '@/lib/db/metrics/list-recovery-runs';
import { buildFailoverMetrics } from './build-failover-metrics';
import { lastSuccessfulDrill, nextDrillMilestone } from './drill-milestones';
import { judgeDrills } from './judge-drill';

const OBJECTIVES = { rtoMinutes: 60, rpoMinutes: 60 };
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
const smoke = (state: string) => [{ stepId: 'failover/validate', action: 'validate-serving', state, output: { healthRegion: 'canadaeast' }, error: state === 'failed' ? 'GET /health answered 503' : null }];

function drill(id: string, day: number, run: Partial<NonNullable<DrillWithRun['run']>> | null, confirmed = true): DrillWithRun {
  return {
    id,
    title: `Drill ${id}`,
    state: run ? 'ran' : 'scheduled',
    environment: 'lab',
    scheduledFor: at(day),
    requestId: run ? `req-${id}` : null,
    run: run ? { id: `run-${id}`, state: 'succeeded', startedAt: at(day), finishedAt: at(day), servingAt: at(day), rtoSeconds: 1200, rpoSeconds: 600, steps: smoke('succeeded'), ...run } : null,
    participants: [{ userName: 'Omar Operator', confirmedAt: confirmed ? at(day) : null }],
  };
}

function run(id: string, kind: string, day: number, rto: number | null, rpo: number | null, drillId?: string): RecoveryRunRecord {
  return { id, requestId: `req-${id}`, kind, state: 'succeeded', startedAt: at(day), finishedAt: at(day), servingAt: rto === null ? null : at(day), rtoSeconds: rto, rpoSeconds: rpo, drill: drillId ? { id: drillId, title: `Drill ${drillId}` } : null };
}

describe('judgeDrills, lastSuccessfulDrill and nextDrillMilestone', () => {
  it('judges only executed drills, newest first, and names the newest passed one as the last successful drill', () => {
    const judged = judgeDrills(
      [drill('a', 1, {}), drill('b', 20, { rtoSeconds: 4000 }), drill('c', 30, {}, false), drill('d', 40, null), drill('e', 10, { state: 'failed', steps: smoke('failed') })],
      OBJECTIVES,
    );
    expect(judged.map((d) => [d.id, d.result])).toEqual([['c', 'open'], ['b', 'failed'], ['e', 'failed'], ['a', 'passed']]);
    const next = { id: 'd', title: 'Drill d', state: 'scheduled', scheduledFor: at(40) };
    expect(lastSuccessfulDrill(judged)).toEqual({ id: 'a', title: 'Drill a', at: at(1).toISOString(), rtoSeconds: 1200, rpoSeconds: 600 });
    expect(nextDrillMilestone(next)).toEqual({ id: 'd', title: 'Drill d', state: 'scheduled', scheduledFor: at(40).toISOString() });
    expect(lastSuccessfulDrill(judgeDrills([drill('b', 20, { rtoSeconds: 4000 })], OBJECTIVES))).toBeNull();
    expect(nextDrillMilestone(null)).toBeNull();
  });
});

describe('buildFailoverMetrics', () => {
  const runs = [run('f1', 'failover', 1, 3000, 1800), run('d1', 'drill', 5, 1200, 600, 'a'), run('b1', 'failback', 6, null, null), run('f2', 'failover', 9, 4200, null), { ...run('d2', 'drill', 12, null, null, 'x'), state: 'failed' }];
  const metrics = buildFailoverMetrics({ runs, drills: judgeDrills([drill('a', 5, {})], OBJECTIVES), objectives: OBJECTIVES, truncated: false });

  it('lists every event newest first with its measurements against the objectives and its request', () => {
    expect(metrics.events.map((e) => [e.runId, e.kind, e.state, e.rtoWithinObjective, e.rpoWithinObjective])).toEqual([
      ['d2', 'drill', 'failed', null, null],
      ['f2', 'failover', 'succeeded', false, null],
      ['b1', 'failback', 'succeeded', null, null],
      ['d1', 'drill', 'succeeded', true, true],
      ['f1', 'failover', 'succeeded', true, true],
    ]);
    expect(metrics.events.find((e) => e.runId === 'd1')).toMatchObject({ requestId: 'req-d1', drill: { id: 'a' }, at: at(5).toISOString() });
  });

  it('plots drills and real failovers as separate series in minutes, with the moving average; failbacks and unmeasured runs are not plotted', () => {
    expect(metrics.rto).toEqual([
      { at: at(1).toISOString(), runId: 'f1', drill: null, failover: 50, trend: 50, overObjective: false },
      { at: at(5).toISOString(), runId: 'd1', drill: 20, failover: null, trend: 35, overObjective: false },
      { at: at(9).toISOString(), runId: 'f2', drill: null, failover: 70, trend: 46.7, overObjective: true },
    ]);
    expect(metrics.rpo.map((p) => [p.runId, p.drill, p.failover])).toEqual([['f1', null, 30], ['d1', 10, null]]);
  });

  it('judges a point over the objective on exact seconds, though the chart rounds it to the objective', () => {
    const justOver = buildFailoverMetrics({ runs: [run('f3', 'failover', 2, 3601, 3600)], drills: [], objectives: OBJECTIVES, truncated: false });
    expect(justOver.rto.map((p) => [p.failover, p.overObjective])).toEqual([[60, true]]);
    expect(justOver.rpo.map((p) => [p.failover, p.overObjective])).toEqual([[60, false]]);
  });

  it('counts drill results and measures the trend from exact seconds', () => {
    expect(metrics.drillCounts).toEqual({ passed: 1, failed: 0, open: 0 });
    expect(metrics.drills[0]).toMatchObject({ id: 'a', result: 'passed', rtoSeconds: 1200 });
    expect(metrics.trend.rto).toMatchObject({ recent: { count: 3, meanSeconds: 2800, worstSeconds: 4200 }, direction: 'unknown', recentWithinObjective: false });
  });
});
