import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labConfigWithTargets } from '@/lib/approvals/testing/lab-config-with-targets';
import { submitTestRequest } from '@/lib/approvals/testing/submit-test-request';
import type { LifeboatConfig } from '@/lib/config/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { sweepControlPlane, type SweepContext } from './control-plane-sweep';
import { NotLeaderError } from './not-leader-error';

let test: TestDatabase;
let config: LifeboatConfig;
const lines: string[] = [];

beforeAll(async () => {
  [test, config] = await Promise.all([
    createTestDatabase('lifeboat_sweep_expiry'),
    labConfigWithTargets([
      { kind: 'teams', name: 'dr-channel', optional: false, webhookUrlEnv: 'TEAMS_URL' },
      { kind: 'webhook', name: 'status-page', optional: false, urlEnv: 'HOOK_URL' },
      { kind: 'pagerduty', name: 'on-call', optional: false, routingKeyEnv: 'PD_KEY', eventsUrl: 'https://events.pagerduty.com/v2/enqueue' },
    ]),
  ]);
});
afterAll(async () => {
  await test?.drop();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const sweep = (overrides: Partial<SweepContext> = {}) => sweepControlPlane({ db: test.db, workerId: 'me', isLeader: () => true, log: (line) => lines.push(line), config, ...overrides });
const stateOf = async (id: string) => (await test.db.changeRequest.findUniqueOrThrow({ where: { id } })).state;
const expiredEvents = () => test.db.auditEvent.findMany({ where: { action: 'change.expired' }, orderBy: { seq: 'asc' } });

describe('the control-plane sweep expires change requests', () => {
  it('expires a pending request past its expiry (not one before it): transition, audit event, expired notifications', async () => {
    // requestExpiryMinutes is 60 in the lab: submitted 61 min ago is past, 59 min ago is not.
    const past = await submitTestRequest(test.db, config, { reason: 'Primary region is down', at: minutesAgo(61) });
    const current = await submitTestRequest(test.db, config, { reason: 'Primary region is down again', at: minutesAgo(59) });

    await sweep();

    expect([await stateOf(past.id), await stateOf(current.id)]).toEqual(['expired', 'pending']);
    const transitions = await test.db.changeRequestTransition.findMany({ where: { requestId: past.id }, orderBy: { id: 'asc' } });
    expect(transitions.map((t) => [t.fromState, t.toState, t.actorId])).toEqual([
      [null, 'draft', 'olivia'],
      ['draft', 'pending', 'olivia'],
      ['pending', 'expired', 'system'],
    ]);
    const events = await expiredEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: 'system', outcome: 'success', targetType: 'change-request', targetId: past.id, payload: { kind: 'failover', from: 'pending', notifications: 2 } });
    const expired = await test.db.changeNotification.findMany({ where: { event: 'expired' }, orderBy: { id: 'asc' } });
    // Request events go to chat and webhooks; PagerDuty is for incidents.
    expect(expired.map((n) => [n.requestId, n.target, n.kind, n.status, n.attempts])).toEqual([
      [past.id, 'dr-channel', 'teams', 'pending', 0],
      [past.id, 'status-page', 'webhook', 'pending', 0],
    ]);
    expect(lines).toContain(`change request ${past.id} expired`);

    await sweep();
    expect((await expiredEvents()).length).toBe(1);
    expect(await test.db.changeNotification.count({ where: { event: 'expired' } })).toBe(2);
  });

  it('refuses to act when not leading, and leaves expiry alone without a configuration', async () => {
    const past = await submitTestRequest(test.db, config, { reason: 'Region down', at: minutesAgo(90) });
    await expect(sweep({ isLeader: () => false })).rejects.toBeInstanceOf(NotLeaderError);
    await sweep({ config: undefined });
    expect(await stateOf(past.id)).toBe('pending');
    await sweep();
    expect(await stateOf(past.id)).toBe('expired');
  });
});
