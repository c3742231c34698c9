import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { getConfig } from '@/lib/config/get-config';
import { checkAuditLines } from '@/lib/domain/check-audit-lines';
import { queryDemoDatabase } from './support/demo-database';
import { storageStateFor } from './support/sign-in';
import { seriousViolations } from './support/serious-violations';

const run = promisify(execFile);

const linesOf = async function* (text: string) {
  yield* text.split('\n');
};

/** The demo's chain as the lab's Blob holds it: every day file, in name order. */
async function mirroredLines(): Promise<string> {
  const config = getConfig();
  const { blob } = config.components;
  const container = blobServiceClient(blob.primaryUrl, blob, config.azure).getContainerClient(blob.containers.audit);
  const [first] = await queryDemoDatabase<{ hash: string }>('SELECT hash FROM "AuditEvent" ORDER BY seq LIMIT 1');
  const names: string[] = [];
  for await (const item of container.listBlobsFlat({ prefix: `events/${first?.hash.slice(0, 16)}/` })) names.push(item.name);
  names.sort();
  const parts = await Promise.all(names.map(async (name) => (await container.getBlobClient(name).downloadToBuffer()).toString('utf8')));
  return parts.join('');
}

test.describe('the audit log', () => {
  test('an Admin filters by action, sees the chain Intact and the Blob mirror keeping up, and downloads a JSON Lines export that verifies offline', async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: await storageStateFor(browser, 'admin', baseURL ?? ''), acceptDownloads: true });
    const page = await context.newPage();
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
    await expect(page.getByTestId('chain-verdict')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('chain-verdict')).toContainText('Intact');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/audit-admin.png', fullPage: true });

    await page.getByLabel('Action starts with').fill('auth.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/[?&]action=auth\./);
    const rows = page.getByTestId('audit-event');
    await expect(rows.first()).toBeVisible();
    const actions = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-action') ?? ''));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action.startsWith('auth.'))).toBe(true);
    await rows.first().getByText('Payload').click();
    await expect(rows.first().locator('pre')).toBeVisible();
    await expect(page.getByText('Exports the filtered events only: a subset, not verifiable as a chain.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/audit-filtered.png', fullPage: true });

    // The worker's leader ships every event to the append-only Blob container within seconds.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('mirror-status')).toHaveAttribute('data-behind', '0', { timeout: 1_000 });
    }).toPass({ timeout: 60_000, intervals: [3_000] });

    // The shipped day files, concatenated in name order, verify offline as the same chain.
    const mirrored = await checkAuditLines(linesOf(await mirroredLines()));
    expect(mirrored).toMatchObject({ ok: true, kind: 'chain' });
    expect(mirrored.events).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Clear' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON Lines' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lifeboat-audit-\d{8}T\d{6}Z\.jsonl$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    const verdict = await checkAuditLines(linesOf(text));
    expect(verdict).toMatchObject({ ok: true, kind: 'chain', header: { complete: true, exportedBy: 'admin' } });
    const lines = text.trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ action: 'audit.export', actorId: 'admin', targetId: 'jsonl' });
    // The documented offline command agrees.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-audit-export.ts', file]);
    expect(stdout).toContain(`INTACT: ${verdict.events} events`);
    await context.close();
  });

  test('a Viewer gets 403 on the page and on the export, and nothing is exported', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: await storageStateFor(browser, 'viewer', baseURL ?? '') });
    const page = await context.newPage();
    const exportsBefore = await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'audit.export' AND "actorId" = 'viewer'`);
    const response = await page.goto('/audit');
    expect(response?.status()).toBe(403);
    for (const format of ['jsonl', 'csv']) {
      const api = await page.request.get(`/api/audit/export?format=${format}`);
      expect(api.status()).toBe(403);
      expect(await api.json()).toMatchObject({ error: 'forbidden' });
    }
    const exportsAfter = await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'audit.export' AND "actorId" = 'viewer'`);
    expect(exportsAfter[0]?.n).toBe(exportsBefore[0]?.n);
    await context.close();
  });

  test('without a session the export answers 401', async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const response = await anonymous.get('/api/audit/export?format=jsonl');
    expect(response.status()).toBe(401);
    await anonymous.dispose();
  });
});
