import { expect, test, type Page, type Request } from '@playwright/test';
import { queryDemoDatabase } from './support/demo-database';
import { demoUser, storageStateFor } from './support/sign-in';
import { seriousViolations } from './support/serious-violations';

/** A run-now request, the worker's poll (5 s), the snapshot itself and two page polls (5 s each). */
const RUN_APPEARS_WITHIN = 90_000;
const OPERATOR = demoUser('operator').name;

const snapshotRows = (page: Page) => page.getByTestId('run-history').locator('[data-testid="run-row"][data-job="qdrant-snapshot"]');

async function runIds(page: Page): Promise<string[]> {
  return snapshotRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id') ?? ''));
}

async function runNowEvents(actorId: string, outcome: string): Promise<number> {
  const rows = await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'replication.run-now' AND "actorId" = $1 AND outcome = $2`, [actorId, outcome]);
  return Number(rows[0]?.n ?? 0);
}

test.describe('the Replication page against the running lab', () => {
  test('an Operator runs a Qdrant snapshot now and sees it succeed in the history with bytes and throughput, without reloading', async ({ browser, baseURL }) => {
    test.setTimeout(RUN_APPEARS_WITHIN * 2 + 60_000);
    const context = await browser.newContext({ storageState: await storageStateFor(browser, 'operator', baseURL ?? '') });
    const page = await context.newPage();
    await page.goto('/replication');
    await expect(page.getByRole('heading', { name: 'Replication', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Data a failover now would lose' })).toBeVisible();
    await expect(page.getByTestId('sides-table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const card = page.getByTestId('run-now-qdrant-snapshot');
    const before = new Set(await runIds(page));
    const successBefore = await runNowEvents('operator', 'success');
    // A scheduled snapshot may be running right now: the queue takes one at a time and says so.
    await expect(async () => {
      // A slow answer to an earlier click may arrive late: never queue a second run.
      if (!/Queued a qdrant-snapshot run/.test((await card.getByRole('status').textContent().catch(() => '')) ?? '')) {
        await card.getByRole('button', { name: 'Snapshot Qdrant now' }).click();
      }
      await expect(card.getByRole('status')).toContainText('Queued a qdrant-snapshot run', { timeout: 10_000 });
    }).toPass({ timeout: RUN_APPEARS_WITHIN, intervals: [5_000] });
    expect(await runNowEvents('operator', 'success')).toBe(successBefore + 1);

    // The worker runs it; the page's polling shows it without a reload.
    const mine = async () =>
      (await snapshotRows(page).filter({ hasText: `on request by ${OPERATOR}` }).evaluateAll((rows) => rows.map((row) => ({ id: row.getAttribute('data-run-id') ?? '', state: row.getAttribute('data-state') }))))
        .filter((run) => !before.has(run.id) && run.state === 'succeeded')
        .map((run) => run.id);
    await expect.poll(mine, { timeout: RUN_APPEARS_WITHIN }).not.toEqual([]);
    const fresh = page.locator(`[data-testid="run-row"][data-run-id="${(await mine())[0]}"]`);
    await expect(fresh.getByTestId('run-bytes')).toHaveText(/^\d+(\.\d+)? (kB|MB|GB)$/);
    await expect(fresh.getByTestId('run-throughput')).toHaveText(/^\d+(\.\d+)? MB\/s$/);
    await expect(fresh.getByTestId('run-duration')).toHaveText(/\d/);
    await expect(fresh).toContainText('points');
    // The primary side of the table shows it as the newest verified snapshot in Blob (or a scheduled one
    // taken since: names end in their UTC second, so a later one sorts after it).
    const snapshotName = /snapshot (\S+\.snapshot)/.exec((await fresh.textContent()) ?? '')?.[1] ?? '';
    expect(snapshotName).not.toBe('');
    const shown = page.getByTestId('sides-table').getByTestId('newest-snapshot-name').first();
    await expect.poll(async () => ((await shown.textContent()) ?? '').trim() >= snapshotName, { timeout: 15_000 }).toBe(true);
    await expect(page.getByTestId('run-chart-caption')).toContainText('median throughput');
    await page.screenshot({ path: 'test-results/replication-operator.png', fullPage: true });
    await context.close();
  });

  test('restoring into the standby asks first and says what it replaces; Cancel changes nothing', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: await storageStateFor(browser, 'operator', baseURL ?? '') });
    const page = await context.newPage();
    await page.goto('/replication');
    const card = page.getByTestId('run-now-qdrant-restore');
    const successBefore = await runNowEvents('operator', 'success');
    await card.getByRole('button', { name: 'Restore Qdrant into the standby…' }).click();
    await expect(card).toContainText('This replaces standby data');
    await expect(card).toContainText('Anything written to the standby since is lost');
    await expect(card.getByRole('button', { name: /^Confirm: replace .* data$/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/replication-confirm-restore.png', fullPage: true });
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(card.getByRole('button', { name: 'Restore Qdrant into the standby…' })).toBeVisible();
    expect(await runNowEvents('operator', 'success')).toBe(successBefore);
    await context.close();
  });

  test('a Viewer sees the page with every run-now button disabled, and the server refuses the request anyway', async ({ browser, baseURL, playwright }) => {
    // Capture a real run-now POST as the Operator (aborted: nothing is queued), then replay it as the Viewer.
    const operator = await browser.newContext({ storageState: await storageStateFor(browser, 'operator', baseURL ?? '') });
    const operatorPage = await operator.newPage();
    await operatorPage.goto('/replication');
    let captured: Request | undefined;
    await operatorPage.route('**/*', async (route) => {
      if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
        captured = route.request();
        await route.abort();
      } else await route.continue();
    });
    await operatorPage.getByTestId('run-now-redis-verify').getByRole('button', { name: 'Verify the newest backup' }).click();
    await expect.poll(() => captured).toBeDefined();
    const request = captured!;
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !['cookie', 'content-length'].includes(name)));
    await operator.close();

    const viewer = await browser.newContext({ storageState: await storageStateFor(browser, 'viewer', baseURL ?? '') });
    const page = await viewer.newPage();
    await page.goto('/replication');
    await expect(page.getByRole('heading', { name: 'Replication', level: 1 })).toBeVisible();
    await expect(page.getByText('Running a job needs the Operator or Admin role; you hold Viewer.')).toBeVisible();
    const panel = page.getByRole('region', { name: 'Run a job now' });
    const buttons = panel.getByRole('button');
    await expect(buttons).toHaveCount(6);
    for (const button of await buttons.all()) await expect(button).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/replication-viewer.png', fullPage: true });
    await viewer.close();

    const deniedBefore = await runNowEvents('viewer', 'denied');
    const viewerRequest = await playwright.request.newContext({ baseURL, storageState: await storageStateFor(browser, 'viewer', baseURL ?? '') });
    const denied = await viewerRequest.post(request.url(), { headers, data: request.postDataBuffer() ?? Buffer.alloc(0), maxRedirects: 0 });
    expect(denied.status()).toBe(200);
    expect(await denied.text()).toContain('needs the Operator or Admin role');
    await viewerRequest.dispose();
    expect(await runNowEvents('viewer', 'denied')).toBe(deniedBefore + 1);
    expect(await runNowEvents('viewer', 'success')).toBe(0);
  });
});

test('the replication API refuses a request without a session', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.get('/api/replication');
  expect(response.status()).toBe(401);
  await anonymous.dispose();
});
