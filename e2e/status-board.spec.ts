import { expect, test } from '@playwright/test';
import { getConfig } from '@/lib/config/get-config';
import { storageStateFor } from './support/sign-in';
import { openFromBoard } from './support/open-from-board';
import { seriousViolations } from './support/serious-violations';

const LAB_CONTROL = 'http://127.0.0.1:8090';
const LAB_INBOX = 'http://127.0.0.1:8099';
const INTERVAL_MS = getConfig().schedules.probeIntervalSeconds * 1000;
/** The SEV-1 rule fires after MORE than this many failed primary checks in a row, then one delivery pass. */
const ALERT_WITHIN = (getConfig().alerts.primaryUnhealthyFailures + 3) * INTERVAL_MS + 15_000;
const PRIMARY = getConfig().regions.primary.name;
const PRIMARY_TILES = ['app', 'aks', 'qdrant', 'redis', 'keyvault', 'openai'] as const;
/** What region-down takes away; AKS is read through ARM, which the lab keeps up (as Azure's control plane would be). */
const REGIONAL_DATA_PLANE = ['app', 'qdrant', 'redis', 'keyvault', 'openai'] as const;
/** Two probe intervals, plus one board poll (5 s) and the route's one-second cache. */
const WITHIN_TWO_INTERVALS = 2 * INTERVAL_MS + 6_000;

async function lab(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${LAB_CONTROL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`lab ${path} answered ${response.status}: ${await response.text()}`);
}

type Received = { path: string; body: unknown };

/** What the lab inbox (Teams, PagerDuty, webhook stand-in) received for the rule with this event. */
async function inboxDeliveries(rule: string, event: 'trigger' | 'resolve'): Promise<string[]> {
  const received = (await (await fetch(`${LAB_INBOX}/received`)).json()) as Received[];
  return received
    .filter((item) => {
      const text = JSON.stringify(item.body);
      if (item.path === '/webhook') return text.includes(`"event":"${event}"`) && text.includes(`"rule":"${rule}"`);
      if (item.path === '/pagerduty') return text.includes(`"event_action":"${event}"`) && text.includes(rule);
      return false;
    })
    .map((item) => item.path);
}

test.use({ storageState: async ({ browser, baseURL }, provide) => provide(await storageStateFor(browser, 'viewer', baseURL ?? '')) });
test.describe.configure({ mode: 'serial' });
// Always leave the lab healthy for the tests that follow, whatever happened here.
test.afterAll(async () => lab('/heal'));

test.describe('the DR status board against the running lab', () => {
  test('every primary component is green, the board has no serious accessibility violation, and polls with ETag', async ({ page }) => {
    test.setTimeout(INTERVAL_MS * 4 + 60_000);
    await lab('/heal');
    await page.goto('/');
    await expect(page.getByTestId('readiness-verdict')).toBeVisible();
    for (const component of PRIMARY_TILES) {
      await expect(page.getByTestId(`tile-${component}-primary`)).toHaveAttribute('data-state', 'ok', { timeout: INTERVAL_MS * 3 + 15_000 });
    }
    await expect(page.getByTestId('tile-frontdoor-global')).toHaveAttribute('data-state', 'ok');
    await expect(page.getByTestId('stale-marker')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Replication lag' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Control plane' })).toBeVisible();
    await page.screenshot({ path: 'test-results/status-board-healthy.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The board sends If-None-Match; an unchanged snapshot answers 304 with no body.
    const answer = await page.request.get('/api/status');
    const etag = answer.headers().etag;
    expect(answer.headers()['cache-control']).toBe('no-store');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await page.request.get('/api/status', { headers: { 'if-none-match': etag ?? '' } });
    expect([200, 304]).toContain(again.status());
    if (again.status() === 200) expect(again.headers().etag).not.toBe(etag);
  });

  test(`taking ${PRIMARY} down turns its tiles red within two probe intervals, fires the SEV-1 alert to the inbox, and healing resolves it`, async ({ page }) => {
    test.setTimeout(WITHIN_TWO_INTERVALS + ALERT_WITHIN * 2 + 60_000);
    await page.goto('/');
    await expect(page.getByTestId('tile-app-primary')).toHaveAttribute('data-state', 'ok', { timeout: INTERVAL_MS * 3 + 15_000 });
    await expect(page.locator('[data-testid="firing-alert"][data-rule="primary-region-unhealthy"]')).toHaveCount(0, { timeout: ALERT_WITHIN });
    await fetch(`${LAB_INBOX}/received`, { method: 'DELETE' });

    await lab('/faults', { name: 'region-down', args: [PRIMARY] });
    for (const component of REGIONAL_DATA_PLANE) {
      await expect(page.getByTestId(`tile-${component}-primary`)).toHaveAttribute('data-state', 'bad', { timeout: WITHIN_TWO_INTERVALS });
    }
    await expect(page.getByTestId('readiness-verdict')).toHaveAttribute('data-verdict', 'NOT_READY', { timeout: WITHIN_TWO_INTERVALS });
    await expect(page.getByTestId('readiness-reasons')).toContainText('primary app');
    // The secondary stays up: only the primary column turned red.
    await expect(page.getByTestId('tile-app-secondary')).toHaveAttribute('data-state', 'ok');

    const alert = page.locator('[data-testid="firing-alert"][data-rule="primary-region-unhealthy"]');
    await expect(alert).toBeVisible({ timeout: ALERT_WITHIN });
    await expect(alert).toContainText('SEV-1');
    await expect(alert).toContainText(/Primary region unhealthy/i);
    await expect.poll(() => inboxDeliveries('primary-region-unhealthy', 'trigger'), { timeout: ALERT_WITHIN }).toEqual(expect.arrayContaining(['/pagerduty', '/webhook']));
    await page.screenshot({ path: 'test-results/status-board-region-down.png', fullPage: true });

    await lab('/heal');
    for (const component of REGIONAL_DATA_PLANE) {
      await expect(page.getByTestId(`tile-${component}-primary`)).toHaveAttribute('data-state', 'ok', { timeout: WITHIN_TWO_INTERVALS + INTERVAL_MS * 2 });
    }
    // Healed: no reason names the primary app (a READY board may show no reasons at all).
    await expect(page.getByTestId('readiness-reasons').filter({ hasText: 'primary app' })).toHaveCount(0);
    await expect(alert).toHaveCount(0, { timeout: ALERT_WITHIN });
    await expect(page.getByTestId('resolved-alerts').locator('[data-rule="primary-region-unhealthy"]').first()).toBeVisible();
    await expect.poll(() => inboxDeliveries('primary-region-unhealthy', 'resolve'), { timeout: ALERT_WITHIN }).toEqual(expect.arrayContaining(['/pagerduty', '/webhook']));
    await page.screenshot({ path: 'test-results/status-board-healed.png', fullPage: true });
  });

  test('a tile opens the component history with both regions and recent samples', async ({ page }) => {
    await openFromBoard(page, (board) => board.getByTestId('tile-qdrant-primary'), '/components/qdrant');
    await expect(page.getByRole('heading', { name: 'Qdrant history', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: /newest \d+ probe samples of Qdrant/ })).toBeVisible();
    await expect(page.getByTestId('recent-samples').getByRole('cell', { name: /\(primary\)/ }).first()).toBeVisible();
    await expect(page.getByTestId('recent-samples').getByRole('cell', { name: /\(secondary\)/ }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('kiosk mode hides the navigation and keeps the board live', async ({ page }) => {
    await page.goto('/?kiosk=1');
    await expect(page.getByTestId('readiness-verdict')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    const next = await page.waitForResponse((response) => response.url().includes('/api/status') && [200, 304].includes(response.status()), { timeout: 15_000 });
    expect(next.request().headers()['if-none-match']).toMatch(/^"[\w-]+"$/);
    await page.screenshot({ path: 'test-results/status-board-kiosk.png', fullPage: true });
  });
});

test('the status API refuses a request without a session', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.get('/api/status');
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  await anonymous.dispose();
});
