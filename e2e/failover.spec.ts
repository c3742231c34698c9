import { expect, test, type Page } from '@playwright/test';
import { approveAs, requestFromBoard } from './support/change-flow';
import { queryDemoDatabase } from './support/demo-database';
import { seriousViolations } from './support/serious-violations';
import { storageStateFor } from './support/sign-in';

// Moves the demo lab's serving region and back: the runbook specs must not overlap (one worker, see playwright.config.ts).
test.describe.configure({ timeout: 300_000 });

const PUBLIC_URL = 'http://127.0.0.1:8080';

async function servingRegion(page: Page): Promise<string> {
  const answer = await page.request.get(`${PUBLIC_URL}/health`);
  return ((await answer.json()) as { region?: string }).region ?? `HTTP ${answer.status()}`;
}

/** Watches the run view until the run ends; every step must have succeeded. */
async function watchRunToSuccess(page: Page, id: string): Promise<void> {
  await page.goto(`/failovers/${id}`);
  // No reload from here on: the page shows "Starting…", then the run, and follows it to its end.
  const view = page.locator('[data-testid="run-view"][data-dry-run="false"]');
  await expect(view).toBeVisible({ timeout: 30_000 });
  await expect(view.getByTestId('run-elapsed')).toContainText(/T\+/);
  await expect(view.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 180_000 });
  // One card per step (li[data-stage]); each card's inner step-state badge must not count twice.
  const states = await view.locator('[data-testid="run-dag"] li[data-stage]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-state')));
  expect(states.length).toBeGreaterThan(4);
  expect(states).toHaveLength(await page.getByTestId('plan-step').count());
  expect(new Set(states)).toEqual(new Set(['succeeded']));
  await expect(page.getByTestId('change-state')).toHaveText('Done', { timeout: 15_000 });
}

test('failover then failback through the UI: an Operator asks, two Approvers agree, the run view follows each run to the end', async ({ browser, baseURL }) => {
  const operator = await browser.newContext({ storageState: await storageStateFor(browser, 'operator', baseURL ?? ''), ignoreHTTPSErrors: true });
  const op = await operator.newPage();
  // The specs before this one end their drills with a failback; give its last route change time to apply.
  await expect.poll(() => servingRegion(op), { timeout: 60_000 }).toBe('canadacentral');

  // Failover: a dry run first (no approval needed, nothing changes), then nothing runs until the second approval.
  const failover = await requestFromBoard(op, 'failover', `e2e ${Date.now()}: Canada Central lost its AKS cluster`);
  await op.getByTestId('dry-run-button').click();
  await op.waitForURL(/\?run=[0-9a-f-]{36}$/);
  const dryRun = op.locator('[data-testid="run-view"][data-dry-run="true"]');
  await expect(dryRun.getByTestId('run-dry-run-label')).toHaveText(/Dry run — nothing changed/);
  await expect(dryRun.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
  await expect(dryRun.getByTestId('step-switch-front-door').getByTestId('step-would-do')).toContainText('routes.beginCreateAndWait');
  expect(await servingRegion(op)).toBe('canadacentral');
  await approveAs(browser, 'approver1', failover, 'Approve failover canadacentral → canadaeast');
  expect(await queryDemoDatabase(`SELECT 1 FROM "RunbookRun" WHERE "requestId" = $1 AND "dryRun" = false`, [failover])).toEqual([]);
  await approveAs(browser, 'approver2', failover, 'Approve failover canadacentral → canadaeast');
  await watchRunToSuccess(op, failover);
  await expect(op.getByTestId('step-switch-front-door')).toHaveAttribute('data-state', 'succeeded');
  await expect(op.getByTestId('run-rto')).toHaveAttribute('data-seconds', /^\d+$/);
  await expect(op.getByTestId('run-rpo')).toHaveAttribute('data-seconds', /^\d+$/);
  await expect(op.getByTestId('run-audit-trail')).toContainText('runbook.finished');
  await op.screenshot({ path: 'test-results/failover-run-view.png', fullPage: true });
  expect(await seriousViolations(op)).toEqual([]);
  expect(await servingRegion(op)).toBe('canadaeast');
  // Executed exactly once: one real run, measured, and the request closed by it.
  const runs = await queryDemoDatabase<{ state: string; rtoSeconds: number | null }>(`SELECT state, "rtoSeconds" FROM "RunbookRun" WHERE "requestId" = $1 AND "dryRun" = false`, [failover]);
  expect(runs).toHaveLength(1);
  expect(runs[0]?.state).toBe('succeeded');
  expect(Number(await op.getByTestId('run-rto').getAttribute('data-seconds'))).toBe(runs[0]?.rtoSeconds);

  // Failback, staged 10 → 50 → 100 %, ends on the primary.
  const failback = await requestFromBoard(op, 'failback', `e2e ${Date.now()}: Canada Central healthy again`);
  await approveAs(browser, 'approver1', failback, 'Approve failback canadaeast → canadacentral');
  await approveAs(browser, 'approver2', failback, 'Approve failback canadaeast → canadacentral');
  await watchRunToSuccess(op, failback);
  await expect(op.getByTestId('step-shift-weight-100')).toHaveAttribute('data-state', 'succeeded');
  await op.screenshot({ path: 'test-results/failback-run-view.png', fullPage: true });
  expect(await servingRegion(op)).toBe('canadacentral');
  await operator.close();
});
