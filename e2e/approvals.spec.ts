import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { sealSession, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie';
import { queryDemoDatabase } from './support/demo-database';
import { seriousViolations } from './support/serious-violations';
import { demoUser, readDemoSessionSecret, signInAs, storageStateFor } from './support/sign-in';

// The two-person rule end to end, in three browsers: an Operator asks, two Approvers agree.
// Four sign-ins and a whole lab drill run: the run alone may take minutes on two cores.
test.describe.configure({ timeout: 360_000 });

/** A fresh sign-in (auth_time now), as deciding needs one from the last few minutes. */
async function freshContext(browser: import('@playwright/test').Browser, id: 'approver1' | 'approver2'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await signInAs(page, id, { returnTo: '/approvals' });
  return { context, page };
}

/** Opens the approve confirmation and captures its server-action POST without letting it through. */
async function captureApprove(page: Page, id: string): Promise<{ url: string; headers: Record<string, string>; body: Buffer }> {
  await page.goto(`/failovers/${id}`);
  await page.getByRole('button', { name: 'Approve…' }).click();
  await page.getByLabel(/Comment/).fill('captured, never sent');
  let captured: Request | undefined;
  await page.route('**/*', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole('button', { name: /^Approve drill / }).click();
  await expect.poll(() => captured).toBeDefined();
  const request = captured!;
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !['cookie', 'content-length'].includes(name)));
  return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

async function approveOnPage(page: Page, comment: string): Promise<void> {
  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(page.getByTestId('confirm-facts')).toContainText('drill');
  await expect(page.getByTestId('confirm-facts')).toContainText('canadacentral → canadaeast');
  await expect(page.getByTestId('confirm-facts')).toContainText('Expected data loss');
  await page.getByLabel(/Comment/).fill(comment);
  await page.getByRole('button', { name: 'Approve drill canadacentral → canadaeast' }).click();
}

const auditCount = async (action: string, actorId: string, outcome: string, requestId: string) =>
  Number(
    (await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = $1 AND "actorId" = $2 AND outcome = $3 AND "targetId" = $4`, [action, actorId, outcome, requestId]))[0]?.n ?? 0,
  );

/** A wrong role is refused before the input is read, so its audit event names the action, not the request. */
const operatorApproveDenials = async () =>
  Number((await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'change.approve' AND "actorId" = 'operator' AND outcome = 'denied'`))[0]?.n ?? 0);

test('an Operator requests a drill; two Approvers approve it; the requester cannot, not even by a forged POST; it executes exactly once', async ({ browser, baseURL, playwright }) => {
  // 1. The Operator creates a draft, reviews its plan, submits it.
  const operatorState = await storageStateFor(browser, 'operator', baseURL ?? '');
  const operator = await browser.newContext({ storageState: operatorState, ignoreHTTPSErrors: true });
  const op = await operator.newPage();
  await op.goto('/failovers');
  // A drill (failover, then failback) leaves the demo lab serving from the primary for the other specs.
  await op.getByRole('radio', { name: /Drill/ }).check();
  await op.getByLabel(/Reason/).fill(`e2e ${Date.now()}: Canada Central is degraded, move serving to the standby`);
  await op.getByRole('button', { name: 'Create draft and review its plan' }).click();
  await op.waitForURL(/\/failovers\/[0-9a-f-]{36}$/);
  const id = new URL(op.url()).pathname.split('/').pop()!;
  await expect(op.getByTestId('change-state')).toHaveText('Draft');
  await expect(op.getByTestId('plan-step').first()).toBeVisible();
  await expect(op.getByTestId('plan-step').filter({ hasText: 'Front Door route' })).toContainText('→');
  const digest = (await op.getByTestId('plan-digest').textContent())?.trim() ?? '';
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await op.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(op.getByTestId('change-state')).toHaveText('Pending approval');
  // The requester is offered no decision on their own request.
  await expect(op.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  await expect(op.getByText('you cannot approve it yourself')).toBeVisible();
  expect(await seriousViolations(op)).toEqual([]);
  await op.goto('/failovers');
  await expect(op.getByTestId('change-request-row').filter({ has: op.locator(`a[href="/failovers/${id}"]`) })).toContainText('Pending approval');
  expect(await seriousViolations(op)).toEqual([]);

  // 2. Approver 1 finds it waiting, with its time left.
  const first = await freshContext(browser, 'approver1');
  const waiting = first.page.getByTestId('waiting-request').and(first.page.locator(`[data-id="${id}"]`));
  await expect(waiting).toBeVisible();
  await expect(waiting.getByTestId('time-left')).toContainText(/expires (in|\d{4}-)/);
  expect(await seriousViolations(first.page)).toEqual([]);

  // 3. The approve POST, captured from Approver 1's page and replayed with the Operator's session: refused and audited.
  const capturePage = await first.context.newPage();
  const forged = await captureApprove(capturePage, id);
  await capturePage.close();
  const deniedBefore = await operatorApproveDenials();
  const asOperator = await playwright.request.newContext({ baseURL, storageState: operatorState });
  const refused = await asOperator.post(forged.url, { headers: forged.headers, data: forged.body, maxRedirects: 0 });
  expect(refused.status()).toBe(200);
  expect(await refused.text()).toContain('This needs the Approver role.');
  await asOperator.dispose();
  expect(await operatorApproveDenials()).toBe(deniedBefore + 1);
  expect(Number((await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "ApprovalDecision" WHERE "requestId" = $1`, [id]))[0]?.n)).toBe(0);

  // 4. Approver 1 approves for real: one of two.
  await first.page.getByTestId('waiting-request').and(first.page.locator(`[data-id="${id}"]`)).getByRole('link', { name: /Review the plan/ }).click();
  await first.page.waitForURL(`**/failovers/${id}`);
  expect(await seriousViolations(first.page)).toEqual([]);
  await approveOnPage(first.page, 'Plan matches the runbook; data loss acceptable.');
  await expect(first.page.getByTestId('your-decision')).toContainText('You approved');
  await expect(first.page.getByTestId('your-decision')).toContainText('Waiting for 1 more approval');
  await expect(first.page.getByTestId('change-state')).toHaveText('Pending approval');
  await expect(first.page.getByTestId('quorum')).toContainText('1 of 2');
  expect(await auditCount('change.approve', 'approver1', 'success', id)).toBe(1);

  // 5. Approver 2 arrives with a sign-in older than the policy allows: sent to sign in again, back to the same review.
  const approver2 = demoUser('approver2');
  const now = Math.floor(Date.now() / 1000);
  const stale = await sealSession({ userId: approver2.id, name: approver2.name, email: approver2.email, roles: [...approver2.roles], authTime: now - 30 * 60, expiresAt: now + 3600 }, await readDemoSessionSecret());
  const second = await browser.newContext({ ignoreHTTPSErrors: true });
  await second.addCookies([{ name: SESSION_COOKIE_NAME, value: stale, url: baseURL ?? '' }]);
  const p2 = await second.newPage();
  await p2.goto(`/failovers/${id}`);
  await expect(p2.getByTestId('reauth-notice')).toBeVisible();
  await approveOnPage(p2, 'Checked the pre-flight findings.');
  await expect(p2.getByRole('heading', { name: 'Sign in to Lifeboat' })).toBeVisible();
  expect(await auditCount('change.approve', 'approver2', 'failure', id)).toBe(1);
  await p2.getByRole('radio', { name: approver2.name }).check();
  await p2.getByLabel('Password').fill('lifeboat');
  await p2.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p2.waitForURL(`**/failovers/${id}`);
  await expect(p2.getByTestId('reauth-notice')).toHaveCount(0);
  await approveOnPage(p2, 'Second approval after a fresh sign-in.');
  // The worker starts it within seconds of the quorum: the page may already show it executing.
  await expect(p2.getByTestId('your-decision')).toContainText(/The quorum is reached|The request is (executing|done)/);
  await expect(p2.getByTestId('change-state')).toHaveText(/Approved|Executing|Done/);
  await expect(p2.getByTestId('quorum')).toContainText('2 of 2');

  // 6. It executes exactly once, by the worker; the history names both approvers and the digest they saw.
  await op.goto(`/failovers/${id}`);
  await expect(op.getByTestId('decision')).toHaveCount(2);
  await expect(op.locator('[data-testid="transition"][data-to="approved"]')).toHaveCount(1);
  await expect(op.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 240_000 });
  await expect(op.getByTestId('change-state')).toHaveText('Done', { timeout: 15_000 });
  const runs = await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "RunbookRun" WHERE "requestId" = $1 AND "dryRun" = false`, [id]);
  expect(Number(runs[0]?.n)).toBe(1);
  expect(Number((await queryDemoDatabase<{ n: string }>(`SELECT count(*) AS n FROM "ChangeRequestTransition" WHERE "requestId" = $1 AND "toState" = 'executing'`, [id]))[0]?.n)).toBe(1);
  const decisions = await queryDemoDatabase<{ approverId: string; planDigest: string }>(`SELECT "approverId", "planDigest" FROM "ApprovalDecision" WHERE "requestId" = $1 ORDER BY "decidedAt"`, [id]);
  expect(decisions).toEqual([
    { approverId: 'approver1', planDigest: digest },
    { approverId: 'approver2', planDigest: digest },
  ]);
  await first.page.goto('/approvals');
  await expect(first.page.getByTestId('decided-requests').locator(`a[href="/failovers/${id}"]`)).toBeVisible();
  await expect(first.page.getByTestId('waiting-request').and(first.page.locator(`[data-id="${id}"]`))).toHaveCount(0);

  await Promise.all([operator.close(), first.context.close(), second.close()]);
});
