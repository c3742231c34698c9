import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNotificationInbox, type NotificationInbox } from './start-notification-inbox';

let inbox: NotificationInbox;
beforeAll(async () => {
  inbox = await startNotificationInbox({ port: 0 });
});
afterAll(async () => inbox?.stop());
beforeEach(() => inbox.clear());

const post = (path: string, body: unknown) => fetch(`${inbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-source': 'test' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('startNotificationInbox', () => {
  it('records what arrives and answers like Teams, PagerDuty and a webhook', async () => {
    const teams = await post('/teams', { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }] });
    expect([teams.status, await teams.text()]).toEqual([200, '1']);
    const pd = await post('/pagerduty', { routing_key: 'k', event_action: 'trigger', dedup_key: 'd1', payload: { summary: 's', source: 'lifeboat', severity: 'critical' } });
    expect(pd.status).toBe(202);
    expect(await pd.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'd1' });
    expect((await post('/webhook', { event: 'trigger' })).status).toBe(200);

    const received = inbox.received();
    expect(received.map((r) => [r.path, r.status])).toEqual([['/teams', 200], ['/pagerduty', 202], ['/webhook', 200]]);
    expect(received[2]).toMatchObject({ headers: { 'x-source': 'test', 'content-type': 'application/json' }, body: { event: 'trigger' } });
    expect(received[2]?.at).toBeInstanceOf(Date);

    const listed = (await (await fetch(`${inbox.url}/received`)).json()) as { path: string }[];
    expect(listed.map((r) => r.path)).toEqual(['/teams', '/pagerduty', '/webhook']);
    await fetch(`${inbox.url}/received`, { method: 'DELETE' });
    expect(inbox.received()).toEqual([]);
  });

  it('refuses malformed PagerDuty events and Teams messages as the services do', async () => {
    const pd = await post('/pagerduty', { event_action: 'resolve' });
    expect(pd.status).toBe(400);
    expect(await pd.json()).toMatchObject({ status: 'invalid event', errors: ["'routing_key' is missing or blank", "'dedup_key' is required for acknowledge and resolve"] });
    expect((await post('/teams', { text: 'legacy card' })).status).toBe(400);
    expect((await post('/webhook', 'not json')).status).toBe(400);
    expect((await post('/elsewhere', {})).status).toBe(404);
  });

  it('fails the next n requests with the given status, then recovers', async () => {
    inbox.failNext(2, 503);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post('/webhook', { n: i })).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(inbox.received().map((r) => r.status)).toEqual([503, 503, 200]);
  });
});
