import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens the board and follows `target` to `href`. The board keeps re-rendering (polls, banner, a
 * leader change): a click that lands before the link is live or on a moved element is tried again.
 */
export async function openFromBoard(page: Page, target: (page: Page) => Locator, href: string): Promise<void> {
  await expect(async () => {
    await page.goto('/');
    await target(page).click();
    await expect(page).toHaveURL(href, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
