import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TRIES = 3;

/**
 * axe-core's serious and critical findings on the page as it is now, one line each with what to fix.
 * Next can drop a dynamic page's <title> for a moment while a router refresh re-renders it, so the
 * title is awaited, and a missing title is checked again once the page has one; a page that never gets one still fails.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  for (let attempt = 1; ; attempt += 1) {
    await expect(page).toHaveTitle(/\S/);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    const onlyTitle = serious.length > 0 && serious.every((violation) => violation.id === 'document-title');
    if (!onlyTitle || attempt === TRIES) {
      return serious.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
  }
}
