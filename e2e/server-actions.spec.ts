import { expect, test, type Page, type Request } from '@playwright/test';
import { queryDemoDatabase } from './support/demo-database';
import { storageStateFor } from './support/sign-in';

type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/** Opens the leader hand-over, submits it, and captures the server-action POST without letting it through. */
async function captureStepDown(page: Page): Promise<CapturedAction> {
  // A leader change re-renders the board and closes the form: open it again until it stays.
  await expect(async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Hand over leadership…' }).click();
    await expect(page.getByRole('button', { name: 'Confirm handover' })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  let captured: Request | undefined;
  await page.route('**/*', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole('button', { name: 'Confirm handover' }).click();
  await expect.poll(() => captured).toBeDefined();
  const request = captured!;
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !['cookie', 'content-length'].includes(name)));
  return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

async function stepDownEvents(outcome: string): Promise<number> {
  const rows = await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'control-plane.step-down' AND outcome = $1`, [outcome]);
  return Number(rows[0]?.n ?? 0);
}

async function pendingStepDowns(): Promise<number> {
  const rows = await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "WorkerNode" WHERE "stepDownRequestedAt" IS NOT NULL`);
  return Number(rows[0]?.n ?? 0);
}

test.describe('server actions are refused on the server, not only hidden in the UI', () => {
  test('a step-down POST with no session, then as a Viewer, changes nothing and no event claims it happened', async ({ browser, baseURL, playwright }) => {
    const admin = await browser.newContext({ storageState: await storageStateFor(browser, 'admin', baseURL ?? ''), ignoreHTTPSErrors: true });
    const action = await captureStepDown(await admin.newPage());
    await admin.close();
    const successBefore = await stepDownEvents('success');
    expect(await pendingStepDowns()).toBe(0);

    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await anonymous.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
    expect([303, 307, 401, 403]).toContain(refused.status());
    await anonymous.dispose();

    const viewer = await playwright.request.newContext({ baseURL, storageState: await storageStateFor(browser, 'viewer', baseURL ?? '') });
    const denied = await viewer.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
    expect(denied.status()).toBe(200);
    expect(await denied.text()).toContain('needs the Admin role');
    await viewer.dispose();

    expect(await pendingStepDowns()).toBe(0);
    expect(await stepDownEvents('success')).toBe(successBefore);
    expect(await stepDownEvents('denied')).toBeGreaterThanOrEqual(1);

    // The same request with an Admin's session does go through: the refusals above were about who asked.
    const adminRequest = await playwright.request.newContext({ baseURL, storageState: await storageStateFor(browser, 'admin', baseURL ?? '') });
    const accepted = await adminRequest.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
    expect(accepted.status()).toBe(200);
    await adminRequest.dispose();
    await expect.poll(stepDownEvents.bind(null, 'success')).toBe(successBefore + 1);
  });
});
