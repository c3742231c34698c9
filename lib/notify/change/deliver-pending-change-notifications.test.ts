import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNotificationInbox, type NotificationInbox } from '@/lab/inbox/start-notification-inbox';
import type { ApprovalActor } from '@/lib/approvals/approval-actor';
import { cancelChangeRequest } from '@/lib/approvals/cancel-change-request';
import { decideOnChangeRequest } from '@/lib/approvals/decide-on-change-request';
import { expireDueChangeRequests } from '@/lib/approvals/expire-due-change-requests';
import { labConfigWithTargets } from '@/lib/approvals/testing/lab-config-with-targets';
import { submitTestRequest, TEST_OPERATOR } from '@/lib/approvals/testing/submit-test-request';
import type { LifeboatConfig } from '@/lib/config/schema';
import { connectDb } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { DeliverOptions } from '../deliver-outbox';
import type { NotificationTarget } from '../notification-target';
import { deliverPendingChangeNotifications } from './deliver-pending-change-notifications';

let test: TestDatabase;
let inbox: NotificationInbox;
let config: LifeboatConfig;
let auditSeqBefore = 0n;

const BOARD = 'https://lifeboat.example.org';
const T0 = new Date('2026-11-24T12:00:00.000Z');
const at = (seconds: number, base = T0) => new Date(base.getTime() + seconds * 1000);

const TEAMS: NotificationTarget = { kind: 'teams', name: 'dr-channel', optional: false, webhookUrlEnv: 'TEAMS_URL' };
const HOOK: NotificationTarget = { kind: 'webhook', name: 'status-page', optional: false, urlEnv: 'HOOK_URL', secretHeadersEnv: { Authorization: 'HOOK_AUTH' } };
const env = () => ({ TEAMS_URL: `${inbox.url}/teams`, HOOK_URL: `${inbox.url}/webhook`, HOOK_AUTH: 'Bearer s3cret' });
const options = (overrides: Partial<DeliverOptions> = {}): DeliverOptions => ({ targets: [TEAMS, HOOK], env: env(), baseUrl: BOARD, now: () => T0, random: () => 0.5, ...overrides });

beforeAll(async () => {
  [test, inbox, config] = await Promise.all([createTestDatabase('lifeboat_change_notify'), startNotificationInbox({ port: 0 }), labConfigWithTargets([TEAMS, HOOK])]);
});
afterAll(async () => {
  await inbox?.stop();
  await test?.drop();
});
beforeEach(async () => {
  await test.db.changeNotification.deleteMany();
  inbox.clear();
  auditSeqBefore = (await test.db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
});

type Card = { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text?: string; facts?: { title: string; value: string }[] }[]; actions: { type: string; url: string }[] } }[] };
const received = (path: string) => inbox.received().filter((r) => r.path === path);
const hookTexts = () => received('/webhook').map((r) => (r.body as { text: string }).text);
const rows = () => test.db.changeNotification.findMany({ orderBy: { id: 'asc' } });

const approver = (userId: string, name: string): ApprovalActor => ({ userId, name, roles: ['Approver'], authTime: Math.floor(Date.now() / 1000) });
const decide = (who: ApprovalActor, id: string, planDigest: string, decision: 'approve' | 'deny', comment: string) =>
  test.db.$transaction((tx) => decideOnChangeRequest(tx, config, who, { id, decision, comment, digestSeen: planDigest }, new Date()));
const deliverNow = () => deliverPendingChangeNotifications(test.db, options({ now: () => new Date() }));

describe('deliverPendingChangeNotifications', () => {
  it("delivers 'requested' to Teams and a webhook in plain words with the link to the request", async () => {
    const { id, planDigest } = await submitTestRequest(test.db, config, { reason: 'Primary region is down since 11:40', at: T0 });
    expect(await deliverPendingChangeNotifications(test.db, options())).toEqual({ sent: 2, retrying: 0, failed: 0 });

    const link = `${BOARD}/failovers/${id}`;
    const sentence = `Approval needed: failover canadacentral → canadaeast requested by Olivia Operator: Primary region is down since 11:40; expires at 2026-11-24 13:00 (UTC); open ${link}`;
    expect(received('/teams').map((r) => r.status)).toEqual([200]);
    const card = (received('/teams')[0]?.body as Card).attachments[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', url: link }] });
    expect(card?.content.body.map((block) => block.text ?? block.type)).toEqual(['🟡 APPROVAL NEEDED · failover', 'failover canadacentral → canadaeast', sentence, 'FactSet']);
    expect(card?.content.body[3]?.facts).toEqual(
      expect.arrayContaining([
        { title: 'Requested by', value: 'Olivia Operator' },
        { title: 'State', value: 'PENDING' },
        { title: 'Approvals', value: '0 of 2' },
        { title: 'Plan digest', value: planDigest },
      ]),
    );

    const [hook] = received('/webhook');
    expect(hook?.headers).toMatchObject({ authorization: 'Bearer s3cret', 'content-type': 'application/json' });
    expect(hook?.body).toEqual({
      event: 'requested',
      text: sentence,
      url: link,
      request: {
        id,
        kind: 'failover',
        state: 'pending',
        reason: 'Primary region is down since 11:40',
        requestedBy: 'Olivia Operator',
        fromRegion: 'canadacentral',
        toRegion: 'canadaeast',
        planDigest,
        expiresAt: '2026-11-24T13:00:00.000Z',
        approvals: { valid: 0, required: 2 },
        breakGlass: false,
        latestDecision: null,
      },
      boardUrl: `${BOARD}/`,
      sentAt: T0.toISOString(),
    });
    expect((await rows()).map((n) => [n.target, n.event, n.status, n.attempts, n.sentAt?.toISOString()])).toEqual([
      ['dr-channel', 'requested', 'sent', 1, T0.toISOString()],
      ['status-page', 'requested', 'sent', 1, T0.toISOString()],
    ]);
  });

  it('tells each decision: one approval of two, then approved; a deny with its comment', async () => {
    const first = await submitTestRequest(test.db, config, { reason: 'Drill of the real thing', at: new Date() });
    const link = `${BOARD}/failovers/${first.id}`;
    await deliverNow();
    inbox.clear();

    await decide(approver('alice', 'Alice Approver'), first.id, first.planDigest, 'approve', 'plan checked');
    expect(await deliverNow()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    await decide(approver('bob', 'Bob Approver'), first.id, first.planDigest, 'approve', 'standby is ready');
    expect(await deliverNow()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const [decision, approved] = hookTexts();
    expect(decision).toMatch(new RegExp(`^Alice Approver approved \\(1 of 2\\) the failover canadacentral → canadaeast requested by Olivia Operator: plan checked; 1 more approval needed before \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\); open ${link}$`));
    expect(approved).toMatch(new RegExp(`^Approved \\(2 of 2\\): failover canadacentral → canadaeast requested by Olivia Operator, last approval by Bob Approver; it may run until .+ \\(UTC\\); open ${link}$`));
    expect(received('/webhook').map((r) => (r.body as { event: string; request: { latestDecision: { approver: string } } }).request.latestDecision.approver)).toEqual(['Alice Approver', 'Bob Approver']);

    const second = await submitTestRequest(test.db, config, { reason: 'Second try', at: new Date() });
    await decide(approver('bob', 'Bob Approver'), second.id, second.planDigest, 'deny', 'the standby lags 3 hours');
    inbox.clear();
    expect(await deliverNow()).toEqual({ sent: 4, retrying: 0, failed: 0 });
    expect(hookTexts()).toEqual([
      expect.stringMatching(/^Approval needed: /),
      `Denied: Bob Approver denied the failover canadacentral → canadaeast requested by Olivia Operator: the standby lags 3 hours; open ${BOARD}/failovers/${second.id}`,
    ]);
  });

  it('tells a cancelled request with its reason, and an expired one', async () => {
    const old = new Date('2020-01-01T00:00:00.000Z');
    const stale = await submitTestRequest(test.db, config, { reason: 'Forgotten', at: old });
    await test.db.$transaction((tx) => expireDueChangeRequests(tx, config, at(3_660, old)));
    const withdrawn = await submitTestRequest(test.db, config, { reason: 'Wrong region', at: new Date() });
    await test.db.$transaction((tx) => cancelChangeRequest(tx, config, TEST_OPERATOR, withdrawn.id, 'asked for the wrong thing', new Date()));
    await test.db.changeNotification.deleteMany({ where: { event: 'requested' } });

    expect(await deliverNow()).toEqual({ sent: 4, retrying: 0, failed: 0 });
    expect(hookTexts()).toEqual([
      `Expired: the failover canadacentral → canadaeast requested by Olivia Operator expired at 2020-01-01 01:00 (UTC) before it was executed; request it again if it is still needed; open ${BOARD}/failovers/${stale.id}`,
      `Cancelled: Olivia Operator withdrew the failover canadacentral → canadaeast: asked for the wrong thing; open ${BOARD}/failovers/${withdrawn.id}`,
    ]);
  });

  it('retries a failing target with backoff, then gives up: failed, kept with its error, audited with the request id', async () => {
    const broken: NotificationTarget = { kind: 'webhook', name: 'broken', optional: false, urlEnv: 'BROKEN_URL' };
    const { id } = await submitTestRequest(test.db, await labConfigWithTargets([broken]), { reason: 'Primary region is down', at: T0 });
    const run = (seconds: number) => deliverPendingChangeNotifications(test.db, options({ targets: [broken], env: { BROKEN_URL: `${inbox.url}/nowhere` }, maxAttempts: 3, now: () => at(seconds) }));

    expect(await run(0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(5), lastError: expect.stringMatching(/^HTTP 404/) });
    expect(await run(4)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await run(5)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: at(35) });
    expect(await run(35)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await run(10_000)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(inbox.received().map((r) => [r.path, r.status])).toEqual(Array(3).fill(['/nowhere', 404]));

    const [row] = await rows();
    expect(row).toMatchObject({ target: 'broken', status: 'failed', attempts: 3, sentAt: null });
    const events = await test.db.auditEvent.findMany({ where: { seq: { gt: auditSeqBefore }, action: 'notification.failed' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: 'system',
      outcome: 'failure',
      targetType: 'change-notification',
      targetId: String(row?.id),
      payload: { requestId: id, requestKind: 'failover', event: 'requested', target: 'broken', kind: 'webhook', attempts: 3, lastError: expect.stringMatching(/^HTTP 404/) },
    });
  });

  it('a flaky receiver gets the notification on the retry; a PagerDuty target takes no request events', async () => {
    const pager: NotificationTarget = { kind: 'pagerduty', name: 'on-call', optional: false, routingKeyEnv: 'PD_KEY', eventsUrl: `${inbox.url}/pagerduty` };
    const { id } = await submitTestRequest(test.db, config, { reason: 'Primary region is down', at: T0 });
    await test.db.changeNotification.create({ data: { requestId: id, event: 'requested', target: 'on-call', kind: 'pagerduty', status: 'pending', nextAttemptAt: T0 } });
    inbox.failNext(1, 500);
    const run = (seconds: number) => deliverPendingChangeNotifications(test.db, options({ targets: [HOOK, pager], env: { ...env(), PD_KEY: 'key' }, now: () => at(seconds) }));

    expect(await run(0)).toEqual({ sent: 0, retrying: 3, failed: 0 });
    expect((await rows()).map((n) => [n.target, n.lastError])).toEqual([
      ['dr-channel', 'target dr-channel is not configured, or its variables are unset'],
      ['status-page', 'HTTP 500: {"error":"failure injected by failNext"}'],
      ['on-call', 'PagerDuty target on-call takes alerts only'],
    ]);
    expect(await run(5)).toEqual({ sent: 1, retrying: 2, failed: 0 });
    expect(received('/webhook').map((r) => r.status)).toEqual([500, 200]);
    expect(received('/pagerduty')).toEqual([]);
  });

  it('two workers delivering at once send each notification exactly once', async () => {
    for (let i = 0; i < 5; i += 1) await submitTestRequest(test.db, config, { reason: `race ${i}`, at: T0 });
    const other = connectDb(test.url);
    try {
      const reports = await Promise.all([deliverPendingChangeNotifications(test.db, options()), deliverPendingChangeNotifications(other, options())]);
      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(10);
      expect(inbox.received()).toHaveLength(10);
      expect(await test.db.changeNotification.count({ where: { status: 'sent' } })).toBe(10);
    } finally {
      await other.$disconnect();
    }
  });
});
