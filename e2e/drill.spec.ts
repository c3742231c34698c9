import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { pdfText } from '@/lib/drill-report/testing/pdf-text';
import { approveAs } from './support/change-flow';
import { queryDemoDatabase } from './support/demo-database';
import { seriousViolations } from './support/serious-violations';
import { storageStateFor, type DemoUserId } from './support/sign-in';

// A whole lab drill through the UI: it takes the demo lab's primary region down and brings it back.
test.describe.configure({ timeout: 300_000 });

async function pageAs(browser: Browser, baseURL: string, user: DemoUserId): Promise<Page> {
  const context = await browser.newContext({ storageState: await storageStateFor(browser, user, baseURL), ignoreHTTPSErrors: true });
  return context.newPage();
}

test('a lab drill: scheduled, approved by two, run, confirmed, and its report shows what the run recorded', async ({ browser, baseURL }) => {
  const base = baseURL ?? '';
  // Both participants have signed in once, so Lifeboat knows them.
  const architect = await pageAs(browser, base, 'architect');
  const op = await pageAs(browser, base, 'operator');

  // 1. The Operator schedules a lab drill with two participants.
  await op.goto('/drills');
  const form = op.getByTestId('schedule-drill-form');
  const title = `e2e drill ${Date.now()}`;
  await form.getByLabel(/Title/).fill(title);
  await form.locator('input[name="scheduledFor"]').fill(new Date(Date.now() + 3_600_000).toISOString().slice(0, 16));
  await form.getByRole('checkbox', { name: /Omar Operator/ }).check();
  await form.getByRole('checkbox', { name: /Ada Architect/ }).check();
  await op.getByTestId('schedule-drill').click();
  await op.waitForURL(/\/drills\/[0-9a-f-]{36}$/);
  const drillId = new URL(op.url()).pathname.split('/').pop() ?? '';
  await expect(op.getByTestId('drill-environment')).toContainText('lab');
  await expect(op.getByTestId('participant-row')).toHaveCount(2);

  // 2. Its run is a drill request: two Approvers agree, then the worker runs it.
  await op.getByTestId('request-drill-run').click();
  await op.getByTestId('drill-request-link').click();
  await op.waitForURL(/\/failovers\/[0-9a-f-]{36}$/);
  const requestId = new URL(op.url()).pathname.split('/').pop() ?? '';
  await expect(op.getByTestId('plan-step').filter({ hasText: 'region-down' }).first()).toBeVisible();
  await approveAs(browser, 'approver1', requestId, 'Approve drill canadacentral → canadaeast');
  await approveAs(browser, 'approver2', requestId, 'Approve drill canadacentral → canadaeast');
  await op.goto(`/failovers/${requestId}`);
  const run = op.locator('[data-testid="run-view"][data-dry-run="false"]');
  await expect(run.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 240_000 });
  await expect(op.getByTestId('change-state')).toHaveText('Done', { timeout: 15_000 });
  const [recorded] = await queryDemoDatabase<{ rtoSeconds: number; rpoSeconds: number }>(`SELECT "rtoSeconds", "rpoSeconds" FROM "RunbookRun" WHERE "requestId" = $1 AND "dryRun" = false`, [requestId]);
  expect(recorded?.rtoSeconds).toBeGreaterThanOrEqual(0);

  // 3. Each participant confirms they followed the runbook.
  for (const page of [op, architect]) {
    await page.goto(`/drills/${drillId}`);
    await page.getByTestId('confirm-participation').click();
    await expect(page.getByTestId('confirm-participation')).toHaveCount(0);
  }
  await expect(architect.getByTestId('participant-row').and(architect.locator('[data-confirmed="true"]'))).toHaveCount(2);
  expect(await seriousViolations(architect)).toEqual([]);

  // 4. The report: RTO and RPO as the run recorded them, every criterion judged.
  await architect.goto(`/drills/${drillId}/report`);
  await expect(architect.getByTestId('report-rto')).toHaveAttribute('data-seconds', String(recorded?.rtoSeconds));
  await expect(architect.getByTestId('report-rpo')).toHaveAttribute('data-seconds', String(recorded?.rpoSeconds));
  const criteria = await architect.getByTestId('criterion').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-id'), row.getAttribute('data-passed')]));
  expect(criteria).toEqual([['rto', 'true'], ['rpo', 'true'], ['smoke', 'true'], ['confirmed', 'true']]);
  await architect.screenshot({ path: 'test-results/drill-report.png', fullPage: true });
  expect(await seriousViolations(architect)).toEqual([]);

  // 5. Lessons learned: the Architect edits them; the Operator is offered no edit.
  await architect.getByTestId('edit-lessons').click();
  await architect.getByTestId('lessons-input').fill('Scale the secondary pool before the restore finishes.');
  await architect.getByTestId('save-lessons').click();
  await expect(architect.getByTestId('lessons-learned')).toHaveText('Scale the secondary pool before the restore finishes.');
  await op.goto(`/drills/${drillId}/report`);
  await expect(op.getByTestId('lessons-learned')).toHaveText('Scale the secondary pool before the restore finishes.');
  await expect(op.getByTestId('edit-lessons')).toHaveCount(0);

  // 6. The PDF downloads and names the drill.
  const [download] = await Promise.all([architect.waitForEvent('download'), architect.getByTestId('report-download-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`drill-${drillId}.pdf`);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfText(pdf)).toContain(drillId);
});
