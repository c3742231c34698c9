import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/get-config';
import { listFiringAlerts } from '@/lib/db/alerts/list-firing-alerts';
import { insertTestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { evaluateAlertsAfterProbes } from './evaluate-alerts-after-probes';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_drill_alert');
});
afterAll(async () => test?.drop());

const NOW = new Date('2026-11-24T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const drillOverdue = async () => (await listFiringAlerts(test.db)).filter((alert) => alert.rule === 'drill-overdue');
const outcome = (applied: Awaited<ReturnType<typeof evaluateAlertsAfterProbes>>) => applied.find((a) => a.dedupKey === 'drill-overdue')?.outcome;
const passingRun = (day: Date) => ({ state: 'succeeded' as const, startedAt: day, servingAt: new Date(day.getTime() + 1_200_000), rtoSeconds: 1_200, rpoSeconds: 900, smoke: 'succeeded' as const });

describe('evaluateAlertsAfterProbes: drill overdue', () => {
  it('fires while no drill has succeeded, stays firing after a failed or too old drill, and resolves after a successful one', async () => {
    const config = getConfig();
    expect(outcome(await evaluateAlertsAfterProbes(test.db, config, [], NOW))).toBe('fired');
    expect((await drillOverdue())[0]).toMatchObject({ title: 'DR drill overdue: no successful drill recorded', details: { lastSuccessfulDrillAt: null } });

    await insertTestDrill(test.db, { title: 'Failed drill', scheduledFor: daysAgo(5), run: { ...passingRun(daysAgo(5)), state: 'failed', smoke: 'failed' } });
    await insertTestDrill(test.db, { title: 'Old drill', scheduledFor: daysAgo(config.alerts.drillOverdueDays + 10), run: passingRun(daysAgo(config.alerts.drillOverdueDays + 10)) });
    // Passed in every measure, but a participant has not confirmed yet: not a success.
    await insertTestDrill(test.db, { title: 'Unconfirmed drill', scheduledFor: daysAgo(3), run: passingRun(daysAgo(3)), participants: [{ userName: 'Ada Architect', confirmedAt: null }] });
    expect(outcome(await evaluateAlertsAfterProbes(test.db, config, [], new Date(NOW.getTime() + 5_000)))).toBe('unchanged');
    expect(await drillOverdue()).toHaveLength(1);

    await insertTestDrill(test.db, { title: 'Good drill', scheduledFor: daysAgo(2), run: passingRun(daysAgo(2)) });
    expect(outcome(await evaluateAlertsAfterProbes(test.db, config, [], new Date(NOW.getTime() + 10_000)))).toBe('resolved');
    expect(await drillOverdue()).toEqual([]);
  });
});
