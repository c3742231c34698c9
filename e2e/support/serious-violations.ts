import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core's serious and critical findings on the page as it is now, one line each with what to fix.
 * Next can drop a dynamic page's <title> for a moment while a router refresh re-renders it, so the
 * title is awaited first; a page that never gets one still fails.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
