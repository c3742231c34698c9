import { expect, type Browser, type Page } from '@playwright/test';
import { openFromBoard } from './open-from-board';
import { signInAs, type DemoUserId } from './sign-in';

/** The Operator's side: from the board's request button, a draft with a reason, submitted; returns the request id. */
export async function requestFromBoard(page: Page, kind: 'failover' | 'failback', reason: string): Promise<string> {
  const label = kind === 'failover' ? 'Request failover' : 'Request failback';
  await openFromBoard(page, (board) => board.getByTestId('request-change-links').getByRole('link', { name: label }), `/failovers?new=${kind}#new-request`);
  await expect(page.getByRole('radio', { name: new RegExp(kind, 'i') })).toBeChecked();
  await page.getByLabel(/Reason/).fill(reason);
  await page.getByRole('button', { name: 'Create draft and review its plan' }).click();
  await page.waitForURL(/\/failovers\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByTestId('change-state')).toHaveText('Pending approval');
  return id;
}

/** One Approver, freshly signed in (deciding needs a recent sign-in), approves the request on its review page. */
export async function approveAs(browser: Browser, approver: DemoUserId, id: string, label: string): Promise<void> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await signInAs(page, approver, { returnTo: `/failovers/${id}` });
    await page.getByRole('button', { name: 'Approve…' }).click();
    await page.getByLabel(/Comment/).fill(`${approver}: plan checked`);
    await page.getByRole('button', { name: label }).click();
    await expect(page.getByTestId('your-decision')).toContainText('You approved');
  } finally {
    await context.close();
  }
}
