import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labConfigWithTargets } from '@/lib/approvals/testing/lab-config-with-targets';
import type { LifeboatConfig } from '@/lib/config/schema';
import { insertDrill } from '@/lib/db/drills/insert-drill';
import { cancelDrill } from '@/lib/db/drills/cancel-drill';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { sweepControlPlane } from '@/lib/jobs/control-plane-sweep';
import { startNotificationInbox, type NotificationInbox } from '@/lab/inbox/start-notification-inbox';

let t: TestDatabase;
let inbox: NotificationInbox;
let config: LifeboatConfig;

beforeAll(async () => {
  [t, inbox, config] = await Promise.all([
    createTestDatabase('lifeboat_drill_reminders'),
    startNotificationInbox({ port: 0 }),
    labConfigWithTargets([
      { kind: 'teams', name: 'dr-channel', optional: false, webhookUrlEnv: 'DRILL_TEST_TEAMS_URL' },
      { kind: 'webhook', name: 'status-page', optional: false, urlEnv: 'DRILL_TEST_HOOK_URL' },
      { kind: 'pagerduty', name: 'on-call', optional: false, routingKeyEnv: 'DRILL_TEST_PD_KEY', eventsUrl: 'https://events.pagerduty.com/v2/enqueue' },
    ]),
  ]);
  vi.stubEnv('DRILL_TEST_TEAMS_URL', `${inbox.url}/teams`);
  vi.stubEnv('DRILL_TEST_HOOK_URL', `${inbox.url}/webhook`);
  vi.stubEnv('DRILL_TEST_PD_KEY', 'unused');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await inbox?.stop();
  await t?.drop();
});

const hours = (h: number, from: Date) => new Date(from.getTime() + h * 3600_000);
const people = [
  { userId: 'operator', userName: 'Omar Operator', role: 'Operator' },
  { userId: 'architect', userName: 'Ada Architect', role: 'Architect' },
];
const schedule = (title: string, at: Date) => t.db.$transaction((tx) => insertDrill(tx, { title, scheduledFor: at, environment: 'lab', createdBy: { id: 'operator', name: 'Omar Operator' }, participants: people }));
const sweep = (now: Date) => sweepControlPlane({ db: t.db, workerId: 'me', isLeader: () => true, log: () => undefined, config, now: () => now });

describe('drill reminders from the control-plane sweep', () => {
  it('sends one reminder per drill due within 24 h to the chat and webhook targets, once; not for later, past or cancelled drills', async () => {
    const now = new Date();
    const soon = await schedule('Soon drill', hours(2, now));
    const later = await schedule('Later drill', hours(30, now));
    await schedule('Past drill', hours(-1, now));
    const cancelled = await schedule('Cancelled drill', hours(1, now));
    await t.db.$transaction((tx) => cancelDrill(tx, cancelled, 'scheduled', now));

    await sweep(now);
    const received = inbox.received();
    expect(received.map((r) => r.path).sort()).toEqual(['/teams', '/webhook']);
    const hook = received.find((r) => r.path === '/webhook')?.body as { event: string; text: string; drill: { id: string; participants: string[] } };
    expect(hook).toMatchObject({ event: 'drill-reminder', drill: { id: soon, participants: ['Omar Operator', 'Ada Architect'] } });
    expect(hook.text).toMatch(/^Reminder: drill "Soon drill" \(environment lab\) is scheduled for .*participants: Omar Operator, Ada Architect; open .*\/drills\//);
    expect(JSON.stringify(received.find((r) => r.path === '/teams')?.body)).toContain('DRILL REMINDER');
    expect((await t.db.drill.findUniqueOrThrow({ where: { id: soon } })).reminderSentAt).toEqual(now);

    await sweep(hours(0.5, now));
    expect(inbox.received()).toHaveLength(2);

    // Seven hours on, the 30-hour drill is within a day.
    await sweep(hours(7, now));
    expect(inbox.received().slice(2).map((r) => (r.body as { drill?: { id: string } }).drill?.id ?? 'teams')).toEqual(expect.arrayContaining([later]));
    const audited = await t.db.auditEvent.findMany({ where: { action: 'drill.reminder' }, orderBy: { seq: 'asc' } });
    expect(audited.map((e) => [e.targetId, e.actorId])).toEqual([
      [soon, 'system'],
      [later, 'system'],
    ]);
  });

  it('a target that refuses is audited as drill.reminder-failed and the reminder is not repeated', async () => {
    const now = new Date();
    inbox.clear();
    inbox.failNext(2, 500);
    const drill = await schedule('Flaky drill', hours(3, now));
    await sweep(now);
    await sweep(hours(0.1, now));
    expect(inbox.received()).toHaveLength(2);
    const failed = await t.db.auditEvent.findMany({ where: { action: 'drill.reminder-failed', targetId: drill } });
    expect(failed.map((e) => (e.payload as { target: string }).target).sort()).toEqual(['dr-channel', 'status-page']);
  });
});
