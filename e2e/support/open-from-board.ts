import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens the board and follows `target` to `href`. The board keeps re-rendering (polls, banner, a
 * leader change): a click that lands before the link is live or on a moved element is tried again,
 * without leaving a navigation that is still on its way (a first render can take seconds).
 */
export async function openFromBoard(page: Page, target: (page: Page) => Locator, href: string): Promise<void> {
  await page.goto('/');
  await expect(async () => {
    if (new URL(page.url()).pathname !== '/') await page.goto('/');
    await target(page).click();
    await expect(page).toHaveURL(href, { timeout: 15_000 });
  }).toPass({ timeout: 60_000 });
}
