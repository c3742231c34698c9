import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNotificationInbox, type NotificationInbox } from '@/lab/inbox/start-notification-inbox';
import { applyAlertConditions } from '@/lib/alerts/apply-alert-conditions';
import { listNotifications } from '@/lib/db/alerts/list-notifications';
import { connectDb } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { AlertCondition } from '@/lib/domain/readiness-types';
import { activeNotificationTargets } from './active-notification-targets';
import { deliverPendingNotifications, type DeliverOptions } from './deliver-pending-notifications';
import type { NotificationTarget } from './notification-target';
import { retryDelayMs } from './retry-delay';

let test: TestDatabase;
let inbox: NotificationInbox;
let auditSeqBefore = 0n;
beforeAll(async () => {
  [test, inbox] = await Promise.all([createTestDatabase('lifeboat_notify'), startNotificationInbox({ port: 0 })]);
});
afterAll(async () => {
  await inbox?.stop();
  await test?.drop();
});
beforeEach(async () => {
  await test.db.notification.deleteMany();
  await test.db.alert.deleteMany();
  inbox.clear();
  auditSeqBefore = (await test.db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
});

const T0 = new Date('2026-11-24T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const targets = (): NotificationTarget[] => [
  { kind: 'teams', name: 'dr-channel', optional: false, webhookUrlEnv: 'TEAMS_URL' },
  { kind: 'pagerduty', name: 'on-call', optional: false, routingKeyEnv: 'PD_KEY', eventsUrl: `${inbox.url}/pagerduty` },
  { kind: 'webhook', name: 'status-page', optional: false, urlEnv: 'HOOK_URL', headers: { 'X-Source': 'lifeboat' }, secretHeadersEnv: { Authorization: 'HOOK_AUTH' } },
];
const env = () => ({ TEAMS_URL: `${inbox.url}/teams`, PD_KEY: 'routing-key-123', HOOK_URL: `${inbox.url}/webhook`, HOOK_AUTH: 'Bearer s3cret' });
const options = (overrides: Partial<DeliverOptions> = {}): DeliverOptions => ({ targets: targets(), env: env(), baseUrl: 'https://lifeboat.example.org', now: () => T0, random: () => 0.5, ...overrides });

const condition = (holds: boolean): AlertCondition => ({
  rule: 'primary-region-unhealthy',
  severity: 'SEV-1',
  dedupKey: 'primary-region-unhealthy',
  holds,
  title: 'Primary region unhealthy: 4 health checks failed in a row',
  details: { consecutiveFailures: 4, threshold: 3 },
});
const fire = (refs: readonly { name: string; kind: NotificationTarget['kind'] }[], now = T0) => applyAlertConditions(test.db, [condition(true)], { targets: refs, now });
const bodyAt = (path: string, index = 0) => inbox.received().filter((r) => r.path === path)[index]?.body;

describe('deliverPendingNotifications', () => {
  it('delivers trigger and resolve to Teams, PagerDuty and a webhook in their shapes, with one PagerDuty dedup_key', async () => {
    await fire(targets());
    expect(await deliverPendingNotifications(test.db, options())).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(inbox.received().map((r) => [r.path, r.status]).sort()).toEqual([['/pagerduty', 202], ['/teams', 200], ['/webhook', 200]]);

    const teams = bodyAt('/teams') as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text?: string; facts?: { title: string; value: string }[] }[]; actions: { type: string; url: string }[] } }[] };
    expect(teams.type).toBe('message');
    const card = teams.attachments[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', url: 'https://lifeboat.example.org/' }] });
    expect(card?.content.body.map((block) => block.text ?? block.type)).toEqual(['🔴 FIRING · SEV-1', 'Primary region unhealthy: 4 health checks failed in a row', 'FactSet']);
    expect(card?.content.body[2]?.facts).toContainEqual({ title: 'consecutiveFailures', value: '4' });

    expect(bodyAt('/pagerduty')).toEqual({
      routing_key: 'routing-key-123',
      event_action: 'trigger',
      dedup_key: 'primary-region-unhealthy',
      payload: {
        summary: '[SEV-1] Primary region unhealthy: 4 health checks failed in a row',
        source: 'lifeboat.example.org',
        severity: 'critical',
        timestamp: T0.toISOString(),
        component: 'primary-region-unhealthy',
        group: 'disaster-recovery',
        class: 'primary-region-unhealthy',
        custom_details: { consecutiveFailures: 4, threshold: 3 },
      },
      client: 'Lifeboat',
      client_url: 'https://lifeboat.example.org/',
      links: [{ href: 'https://lifeboat.example.org/', text: 'Lifeboat status board' }],
    });

    const hook = inbox.received().find((r) => r.path === '/webhook');
    expect(hook?.headers).toMatchObject({ 'x-source': 'lifeboat', authorization: 'Bearer s3cret', 'content-type': 'application/json' });
    expect(hook?.body).toMatchObject({ event: 'trigger', alert: { rule: 'primary-region-unhealthy', severity: 'SEV-1', state: 'firing', firedAt: T0.toISOString(), resolvedAt: null }, boardUrl: 'https://lifeboat.example.org/' });

    await applyAlertConditions(test.db, [condition(false)], { targets: targets(), now: at(60) });
    expect(await deliverPendingNotifications(test.db, options({ now: () => at(60) }))).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(bodyAt('/pagerduty', 1)).toEqual({ routing_key: 'routing-key-123', event_action: 'resolve', dedup_key: 'primary-region-unhealthy' });
    expect(bodyAt('/webhook', 1)).toMatchObject({ event: 'resolve', alert: { state: 'resolved', resolvedAt: at(60).toISOString() } });
    expect((bodyAt('/teams', 1) as typeof teams).attachments[0]?.content.body[0]?.text).toBe('✅ RESOLVED · SEV-1');
    expect((await listNotifications(test.db)).map((n) => [n.status, n.attempts, n.sentAt !== null])).toEqual(Array(6).fill(['sent', 1, true]));
  });

  it('retries with backoff: after two 500s the third attempt delivers', async () => {
    const webhook = targets().filter((t) => t.kind === 'webhook');
    await fire(webhook);
    inbox.failNext(2, 500);

    expect(await deliverPendingNotifications(test.db, options({ targets: webhook, now: () => at(0) }))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await listNotifications(test.db);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(5), lastError: 'HTTP 500: {"error":"failure injected by failNext"}' });

    expect(await deliverPendingNotifications(test.db, options({ targets: webhook, now: () => at(4) }))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverPendingNotifications(test.db, options({ targets: webhook, now: () => at(5) }))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    [row] = await listNotifications(test.db);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: at(35) });

    expect(await deliverPendingNotifications(test.db, options({ targets: webhook, now: () => at(35) }))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = await listNotifications(test.db);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, sentAt: at(35), lastError: null });
    expect(inbox.received().map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('gives up after maxAttempts: status failed, kept with its error, and an audit event', async () => {
    const broken: NotificationTarget[] = [{ kind: 'webhook', name: 'broken', optional: false, urlEnv: 'BROKEN_URL' }];
    await fire(broken);
    const run = (seconds: number) => deliverPendingNotifications(test.db, options({ targets: broken, env: { BROKEN_URL: `${inbox.url}/nowhere` }, maxAttempts: 3, now: () => at(seconds) }));
    expect(await run(0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await run(5)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await run(35)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await run(10_000)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const failed = await listNotifications(test.db, { status: 'failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ target: 'broken', attempts: 3, lastError: expect.stringMatching(/^HTTP 404/) });
    const events = await test.db.auditEvent.findMany({ where: { seq: { gt: auditSeqBefore }, action: 'notification.failed' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: 'system', outcome: 'failure', targetType: 'notification', targetId: String(failed[0]?.id), payload: { target: 'broken', attempts: 3, event: 'trigger', rule: 'primary-region-unhealthy' } });
  });

  it('counts a timeout and a target that is no longer configured as failed attempts', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const slow: NotificationTarget[] = [{ kind: 'teams', name: 'slow', optional: false, webhookUrlEnv: 'SLOW_URL' }];
      await fire([...slow, { name: 'removed', kind: 'webhook' }]);
      const report = await deliverPendingNotifications(test.db, options({ targets: slow, env: { SLOW_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/` }, timeoutMs: 200 }));
      expect(report).toEqual({ sent: 0, retrying: 2, failed: 0 });
      const errors = (await listNotifications(test.db)).map((n) => [n.target, n.lastError]).sort();
      expect(errors).toEqual([
        ['removed', 'target removed is not configured, or its variables are unset'],
        ['slow', 'timed out after 200 ms'],
      ]);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('two workers delivering at once send each notification exactly once', async () => {
    for (let i = 0; i < 5; i += 1) await applyAlertConditions(test.db, [{ ...condition(true), dedupKey: `race-${i}` }], { targets: targets(), now: T0 });
    const other = connectDb(test.url);
    try {
      const reports = await Promise.all([deliverPendingNotifications(test.db, options()), deliverPendingNotifications(other, options())]);
      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(15);
      expect(inbox.received()).toHaveLength(15);
      expect(await test.db.notification.count({ where: { status: 'sent' } })).toBe(15);
    } finally {
      await other.$disconnect();
    }
  });
});

describe('activeNotificationTargets and retryDelayMs', () => {
  it('skips an optional target whose variables are unset, keeps required ones', () => {
    const all: NotificationTarget[] = [
      { kind: 'teams', name: 'lab-teams', optional: true, webhookUrlEnv: 'LAB_TEAMS' },
      { kind: 'webhook', name: 'lab-hook', optional: true, urlEnv: 'LAB_HOOK', secretHeadersEnv: { Authorization: 'LAB_AUTH' } },
      { kind: 'pagerduty', name: 'on-call', optional: false, routingKeyEnv: 'PD', eventsUrl: 'https://events.pagerduty.com/v2/enqueue' },
    ];
    expect(activeNotificationTargets(all, { LAB_HOOK: 'http://x', LAB_TEAMS: ' ' }).map((t) => t.name)).toEqual(['on-call']);
    expect(activeNotificationTargets(all, { LAB_HOOK: 'http://x', LAB_AUTH: 'a', LAB_TEAMS: 'http://t' }).map((t) => t.name)).toEqual(['lab-teams', 'lab-hook', 'on-call']);
  });

  it('backs off 5 s, 30 s, 2 min, 10 min, 30 min, then hourly, with ±20 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(n, () => 0.5))).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3_600_000]);
    expect([retryDelayMs(1, () => 0), retryDelayMs(1, () => 1)]).toEqual([4_000, 6_000]);
  });
});
