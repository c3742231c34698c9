import { expect, test } from '@playwright/test';
import { NAV_PAGES } from '@/lib/domain/page-access';
import { openFromBoard } from './support/open-from-board';
import { seriousViolations } from './support/serious-violations';
import { storageStateFor } from './support/sign-in';

test.use({ storageState: async ({ browser, baseURL }, provide) => provide(await storageStateFor(browser, 'admin', baseURL ?? '')) });

test.describe('the app shell', () => {
  for (const navPage of NAV_PAGES) {
    test(`${navPage.label} opens from the navigation and has no serious accessibility violation`, async ({ page }) => {
      await openFromBoard(page, (board) => board.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navPage.label, exact: true }), navPage.href);
      await expect(page.getByRole('link', { name: navPage.label, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByText(navPage.purpose)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the status board shows both regions’ workers, who leads, and updates live', async ({ page }) => {
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'Control plane' });
    await expect(panel.getByTestId('worker-row').filter({ hasText: 'canadacentral' }).first()).toBeVisible();
    await expect(panel.getByTestId('worker-row').filter({ hasText: 'canadaeast' }).first()).toBeVisible();
    await expect(panel.getByTestId('control-plane-leader')).toContainText(/canada(central|east)/);
    await expect(panel.getByLabel('leader')).toHaveCount(1);
    // react-query polls /api/control-plane: the next answer arrives without a reload.
    const next = await page.waitForResponse((response) => response.url().endsWith('/api/control-plane') && response.status() === 200, { timeout: 15_000 });
    expect((await next.json()).workers.length).toBeGreaterThanOrEqual(2);
  });

  test('the audit page shows sign-ins and an intact hash chain', async ({ page }) => {
    await page.goto('/audit');
    await expect(page.getByTestId('chain-verdict')).toContainText('Intact');
    await expect(page.getByRole('cell', { name: 'auth.sign-in' }).first()).toBeVisible();
  });
});
