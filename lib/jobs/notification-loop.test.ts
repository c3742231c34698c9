import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationInbox, type NotificationInbox } from '@/lab/inbox/start-notification-inbox';
import { applyAlertConditions } from '@/lib/alerts/apply-alert-conditions';
import { labConfigWithTargets } from '@/lib/approvals/testing/lab-config-with-targets';
import { submitTestRequest } from '@/lib/approvals/testing/submit-test-request';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { NotificationTarget } from '@/lib/notify/notification-target';
import { startNotificationLoop } from './notification-loop';

let test: TestDatabase;
let inbox: NotificationInbox;
beforeAll(async () => {
  [test, inbox] = await Promise.all([createTestDatabase('lifeboat_notify_loop'), startNotificationInbox({ port: 0 })]);
});
afterAll(async () => {
  await inbox?.stop();
  await test?.drop();
});

describe('startNotificationLoop', () => {
  it('delivers the alert and the change-request outboxes on each tick and logs both counts', async () => {
    const targets: NotificationTarget[] = [{ kind: 'webhook', name: 'status-page', optional: false, urlEnv: 'HOOK_URL' }];
    const config = await labConfigWithTargets(targets);
    const now = new Date();
    await applyAlertConditions(test.db, [{ rule: 'primary-region-unhealthy', severity: 'SEV-1', dedupKey: 'loop', holds: true, title: 'Primary region unhealthy', details: {} }], { targets, now });
    await submitTestRequest(test.db, config, { reason: 'Primary region is down', at: now });

    const lines: string[] = [];
    const loop = startNotificationLoop(test.db, config, (line) => lines.push(line), 50, { env: { HOOK_URL: `${inbox.url}/webhook` } });
    try {
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await loop.stop();
    }
    expect(lines).toEqual(['notifications: 1 sent, 0 to retry, 0 failed; change notifications: 1 sent, 0 to retry, 0 failed']);
    expect(inbox.received().map((r) => (r.body as { event: string }).event).sort()).toEqual(['requested', 'trigger']);
  });
});
