import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAlertHistory } from '@/lib/db/alerts/list-alert-history';
import { listFiringAlerts } from '@/lib/db/alerts/list-firing-alerts';
import { listNotifications } from '@/lib/db/alerts/list-notifications';
import { connectDb, type Db } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { AlertCondition } from '@/lib/domain/readiness-types';
import { applyAlertConditions } from './apply-alert-conditions';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_alerts');
});
afterAll(async () => test?.drop());
// The audit log is append-only (triggers refuse DELETE): each test reads only the events after this.
let auditSeqBefore = 0n;
beforeEach(async () => {
  await test.db.notification.deleteMany();
  await test.db.alert.deleteMany();
  auditSeqBefore = (await test.db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
});

const TARGETS = [
  { name: 'dr-channel', kind: 'teams' as const },
  { name: 'on-call', kind: 'pagerduty' as const },
];
const T0 = new Date('2026-11-24T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function primaryDown(holds: boolean): AlertCondition {
  return { rule: 'primary-region-unhealthy', severity: 'SEV-1', dedupKey: 'primary-region-unhealthy', holds, title: 'Primary region unhealthy: 4 health checks failed in a row', details: { consecutiveFailures: 4 } };
}
const auditActions = async () => (await test.db.auditEvent.findMany({ where: { seq: { gt: auditSeqBefore } }, orderBy: { seq: 'asc' } })).filter((e) => e.action.startsWith('alert.')).map((e) => [e.action, e.actorId, e.targetId]);

describe('applyAlertConditions', () => {
  it('fires once while the condition holds, with a pending notification per target and an audit event', async () => {
    const [first] = await applyAlertConditions(test.db, [primaryDown(true)], { targets: TARGETS, now: at(0) });
    expect(first).toMatchObject({ dedupKey: 'primary-region-unhealthy', outcome: 'fired' });
    const again = await applyAlertConditions(test.db, [primaryDown(true), primaryDown(true)], { targets: TARGETS, now: at(15) });
    expect(again.map((a) => a.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again[0]?.alertId).toBe(first?.alertId);

    const firing = await listFiringAlerts(test.db);
    expect(firing).toHaveLength(1);
    expect(firing[0]).toMatchObject({ rule: 'primary-region-unhealthy', severity: 'SEV-1', state: 'firing', firedAt: at(0), resolvedAt: null, details: { consecutiveFailures: 4 } });
    const notifications = await listNotifications(test.db);
    expect(notifications.map((n) => [n.event, n.target, n.kind, n.status, n.attempts]).sort()).toEqual([
      ['trigger', 'dr-channel', 'teams', 'pending', 0],
      ['trigger', 'on-call', 'pagerduty', 'pending', 0],
    ]);
    expect(await auditActions()).toEqual([['alert.fired', 'system', String(first?.alertId)]]);
  });

  it('resolves when the condition clears, notifying where the trigger went, then re-fires as a new alert', async () => {
    const fired = await applyAlertConditions(test.db, [primaryDown(true)], { targets: TARGETS, now: at(0) });
    expect(await applyAlertConditions(test.db, [primaryDown(false)], { targets: [{ name: 'new-target', kind: 'webhook' }], now: at(60) })).toEqual([
      { dedupKey: 'primary-region-unhealthy', outcome: 'resolved', alertId: fired[0]?.alertId },
    ]);
    expect((await applyAlertConditions(test.db, [primaryDown(false)], { targets: TARGETS, now: at(75) }))[0]?.outcome).toBe('unchanged');
    expect(await listFiringAlerts(test.db)).toEqual([]);
    const resolves = await listNotifications(test.db, { alertId: fired[0]?.alertId ?? undefined });
    expect(resolves.filter((n) => n.event === 'resolve').map((n) => n.target).sort()).toEqual(['dr-channel', 'on-call']);

    const refired = await applyAlertConditions(test.db, [primaryDown(true)], { targets: TARGETS, now: at(120) });
    expect(refired[0]?.outcome).toBe('fired');
    expect(refired[0]?.alertId).not.toBe(fired[0]?.alertId);
    const history = await listAlertHistory(test.db);
    expect(history.map((a) => [a.state, a.firedAt.toISOString(), a.resolvedAt?.toISOString() ?? null])).toEqual([
      ['firing', at(120).toISOString(), null],
      ['resolved', at(0).toISOString(), at(60).toISOString()],
    ]);
    expect((await auditActions()).map(([action]) => action)).toEqual(['alert.fired', 'alert.resolved', 'alert.fired']);
  });

  it('a condition that does not hold and never fired changes nothing', async () => {
    expect(await applyAlertConditions(test.db, [primaryDown(false)], { targets: TARGETS })).toEqual([{ dedupKey: 'primary-region-unhealthy', outcome: 'unchanged', alertId: null }]);
    expect(await test.db.alert.count()).toBe(0);
  });

  it('two evaluators racing (separate connections) fire one alert with one set of notifications', async () => {
    const others: Db[] = [connectDb(test.url), connectDb(test.url), connectDb(test.url)];
    try {
      const results = await Promise.all([test.db, ...others].map((db) => applyAlertConditions(db, [primaryDown(true)], { targets: TARGETS, now: at(0) })));
      expect(results.flat().filter((r) => r.outcome === 'fired')).toHaveLength(1);
      expect(await test.db.alert.count()).toBe(1);
      expect(await test.db.notification.count()).toBe(2);
      expect((await auditActions()).length).toBe(1);

      const resolved = await Promise.all([test.db, ...others].map((db) => applyAlertConditions(db, [primaryDown(false)], { targets: TARGETS, now: at(30) })));
      expect(resolved.flat().filter((r) => r.outcome === 'resolved')).toHaveLength(1);
      expect(await test.db.notification.count({ where: { event: 'resolve' } })).toBe(2);
    } finally {
      await Promise.all(others.map((db) => db.$disconnect()));
    }
  });
});
