import { expect, test, type APIResponse } from '@playwright/test';
import { DEMO_USERS } from '@/lab/oidc/demo-users';
import { sealSession, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie';
import type { Session } from '@/lib/auth/session';
import { E2E_BASE_URL } from './support/e2e-environment';
import { readDemoSessionSecret, signInAs, storageStateFor, type DemoUserId } from './support/sign-in';
import { seriousViolations } from './support/serious-violations';

const now = () => Math.floor(Date.now() / 1000);

/** A redirect's target as path + query, whether the server sent it absolute or relative. */
function locationOf(response: APIResponse): string {
  const target = new URL(response.headers().location ?? '', E2E_BASE_URL);
  expect(target.origin).toBe(E2E_BASE_URL);
  return `${target.pathname}${target.search}`;
}

function sessionFor(overrides: Partial<Session> = {}): Session {
  return { userId: 'admin', name: 'Adam Admin', email: 'admin@lifeboat.test', roles: ['Admin'], authTime: now(), expiresAt: now() + 3600, ...overrides };
}

test.describe('sign-in through the lab provider and MSAL', () => {
  for (const user of DEMO_USERS) {
    test(`${user.name} (${user.roles.join(', ')}) signs in and sees their name and role`, async ({ page }) => {
      await signInAs(page, user.id as DemoUserId);
      await expect(page).toHaveURL('/');
      const current = page.getByTestId('current-user');
      await expect(current).toContainText(user.name);
      for (const role of user.roles) await expect(current).toContainText(role);
    });
  }

  test('brings the user back to the page they asked for', async ({ page }) => {
    await page.goto('/drills?from=e2e');
    await expect(page.getByRole('heading', { name: 'Sign in to Lifeboat' })).toBeVisible();
    await page.getByRole('radio', { name: 'Omar Operator' }).check();
    await page.getByLabel('Password').fill('lifeboat');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/drills?from=e2e');
  });

  test('a wrong password is refused with an error on the provider page', async ({ page }) => {
    await page.goto('/auth/sign-in');
    await page.getByRole('radio', { name: 'Adam Admin' }).check();
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong password for Adam Admin');
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(new URL(page.url()).port).not.toBe('3100');
  });

  test('a failed callback says so, and both it and the next sign-in are in the audit log', async ({ page }) => {
    await page.goto('/auth/callback?code=forged-code&state=forged-state');
    await expect(page).toHaveURL('/auth/signed-out?reason=failed');
    await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();

    await signInAs(page, 'admin', { returnTo: '/audit' });
    await expect(page).toHaveURL('/audit');
    const rows = page.getByRole('row');
    await expect(rows.filter({ hasText: 'auth.sign-in-failed' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: 'Adam Admin' }).filter({ hasText: /auth\.sign-in(?!-)/ }).first()).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/auth/signed-out');
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === SESSION_COOKIE_NAME)).toBeUndefined();
    const response = await page.request.get('/', { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('roles', () => {
  test.use({ storageState: async ({ browser, baseURL }, provide) => provide(await storageStateFor(browser, 'viewer', baseURL ?? '')) });

  for (const path of ['/audit', '/approvals']) {
    test(`a Viewer gets HTTP 403 on ${path}, with a page that says who they are and what to do`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'This page needs a role you do not hold' })).toBeVisible();
      await expect(page.getByTestId('forbidden-user')).toContainText('Vera Viewer');
      await expect(page.getByTestId('forbidden-roles')).toHaveText('Viewer');
      const switchUser = page.getByRole('link', { name: 'Sign in as someone else' });
      await expect(switchUser).toHaveAttribute('href', `/auth/sign-in?returnTo=${encodeURIComponent(path)}&prompt=login`);
    });
  }

  test('the 403 page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/audit');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('"Sign in as someone else" forces a fresh login and lands on the page as the new user', async ({ page }) => {
    await page.goto('/audit');
    await page.getByRole('link', { name: 'Sign in as someone else' }).click();
    await expect(page.getByText('Lifeboat asks you to sign in again to confirm it is you.')).toBeVisible();
    await page.getByRole('radio', { name: 'Ada Architect' }).check();
    await page.getByLabel('Password').fill('lifeboat');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/audit');
    await expect(page.getByTestId('current-user')).toContainText('Ada Architect');
  });
});

test('a user whose token carries no Lifeboat role gets 403 everywhere, with a page that says so', async ({ page, context }) => {
  const cookie = await sealSession(sessionFor({ userId: 'newcomer', name: 'Nora Newcomer', email: 'nora@lifeboat.test', roles: [] }), await readDemoSessionSecret());
  await context.addCookies([{ name: SESSION_COOKIE_NAME, value: cookie, url: E2E_BASE_URL, httpOnly: true, sameSite: 'Lax' }]);
  for (const path of ['/', '/drills']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('forbidden-roles')).toHaveText('none');
    await expect(page.getByText('holds no Lifeboat role')).toBeVisible();
  }
});

test.describe('refused without a valid session', () => {
  test('an unauthenticated page request redirects to sign-in, then to the provider', async ({ page, request }) => {
    const response = await request.get('/', { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(locationOf(response)).toBe('/auth/sign-in?returnTo=%2F');

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to Lifeboat' })).toBeVisible();
    expect(new URL(page.url()).protocol).toBe('https:');
  });

  test('an unauthenticated API request gets 401 JSON', async ({ request }) => {
    const response = await request.get('/api/anything', { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  test('a cookie sealed with the server secret is accepted (control for the refusals below)', async ({ request }) => {
    const cookie = await sealSession(sessionFor(), await readDemoSessionSecret());
    const response = await request.get('/', { headers: { cookie: `${SESSION_COOKIE_NAME}=${cookie}` }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['a random string', async () => 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..bm90LWEtcmVhbC1pdg.Zm9yZ2Vk.dGFn'],
    ['a cookie sealed with a different secret', async () => sealSession(sessionFor(), 'some-other-secret-that-is-long-enough-000000')],
    ['an expired session', async () => sealSession(sessionFor({ authTime: now() - 7200, expiresAt: now() - 60 }), await readDemoSessionSecret())],
  ];
  for (const [label, make] of refused) {
    test(`${label} is refused: redirect to sign-in`, async ({ request }) => {
      const response = await request.get('/audit', { headers: { cookie: `${SESSION_COOKIE_NAME}=${await make()}` }, maxRedirects: 0 });
      expect(response.status()).toBe(303);
      expect(locationOf(response)).toBe('/auth/sign-in?returnTo=%2Faudit');
    });
  }

  test('the sign-in page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/auth/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Lifeboat' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // Keyboard: the focus ring is visible on the first control.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
