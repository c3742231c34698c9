import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { insertTestRun } from '@/lib/db/metrics/testing/insert-test-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { readDrillMilestones } from './read-drill-milestones';
import { readFailoverMetrics } from './read-failover-metrics';

let test: TestDatabase;
const OBJECTIVES = { rtoMinutes: 60, rpoMinutes: 60 };
const NOW = new Date('2026-11-24T12:00:00.000Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000);
const measured = (at: Date, rtoSeconds: number, rpoSeconds: number) => ({ state: 'succeeded' as const, startedAt: at, servingAt: new Date(at.getTime() + rtoSeconds * 1000), rtoSeconds, rpoSeconds, smoke: 'succeeded' as const });
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase('lifeboat_metrics');
  ids.passed = (await insertTestDrill(test.db, { title: 'Q3 drill', scheduledFor: day(-60), run: measured(day(-60), 1_500, 900) })).drillId;
  ids.failed = (await insertTestDrill(test.db, { title: 'Q4 drill', scheduledFor: day(-5), run: { ...measured(day(-5), 4_000, 900), state: 'failed' } })).drillId;
  ids.next = (await insertTestDrill(test.db, { title: 'Q1 drill', scheduledFor: day(30) })).drillId;
  await insertTestDrill(test.db, { title: 'Sooner but cancelled', scheduledFor: day(10), state: 'cancelled' });
  await insertTestDrill(test.db, { title: 'Later', scheduledFor: day(90), state: 'requested' });
  const failover = await insertTestRun(test.db, 'failover', measured(day(-30), 2_400, 1_200));
  ids.failoverRequest = failover.requestId;
  await insertTestRun(test.db, 'failback', { state: 'succeeded', startedAt: day(-29) });
  await insertTestRun(test.db, 'failover', { ...measured(day(-20), 60, 60), dryRun: true });
});
afterAll(async () => test?.drop());

describe('readFailoverMetrics', () => {
  it('shows every real failover, failback and drill (never a dry run) with drill results and series per kind', async () => {
    const metrics = await readFailoverMetrics(test.db, OBJECTIVES);
    expect(metrics.events.map((e) => [e.kind, e.state, e.rtoSeconds])).toEqual([
      ['drill', 'failed', 4_000],
      ['failback', 'succeeded', null],
      ['failover', 'succeeded', 2_400],
      ['drill', 'succeeded', 1_500],
    ]);
    expect(metrics.events[2]?.requestId).toBe(ids.failoverRequest);
    expect(metrics.events[0]?.drill).toEqual({ id: ids.failed, title: 'Q4 drill' });
    expect(metrics.rto.map((p) => [p.drill, p.failover])).toEqual([[25, null], [null, 40], [66.7, null]]);
    expect(metrics.drills.map((d) => [d.title, d.result])).toEqual([['Q4 drill', 'failed'], ['Q3 drill', 'passed']]);
    expect(metrics.drillCounts).toEqual({ passed: 1, failed: 1, open: 0 });
    expect(metrics.trend.rto).toMatchObject({ recent: { count: 3, worstSeconds: 4_000 }, recentWithinObjective: false });
  });
});

describe('readDrillMilestones', () => {
  it('names the newest passed drill and the earliest upcoming scheduled or requested drill', async () => {
    expect(await readDrillMilestones(test.db, OBJECTIVES, NOW)).toEqual({
      lastSuccessful: { id: ids.passed, title: 'Q3 drill', at: new Date(day(-60).getTime() + 1_500_000).toISOString(), rtoSeconds: 1_500, rpoSeconds: 900 },
      next: { id: ids.next, title: 'Q1 drill', state: 'scheduled', scheduledFor: day(30).toISOString() },
    });
  });
});
