import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { z } from 'zod';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '@/lab/oidc/demo-users';
import { E2E_BASE_URL, E2E_DATA_DIR } from './e2e-environment';

export type DemoUserId = 'viewer' | 'operator' | 'approver1' | 'approver2' | 'architect' | 'admin';

export function demoUser(id: DemoUserId): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return user;
}

/**
 * Signs in through the real flow: Lifeboat's /auth/sign-in → the lab provider's login page
 * (pick the user, type the password) → /auth/callback → back on Lifeboat at `returnTo`.
 */
export async function signInAs(page: Page, id: DemoUserId, options: { returnTo?: string } = {}): Promise<void> {
  const user = demoUser(id);
  await page.goto(`/auth/sign-in?returnTo=${encodeURIComponent(options.returnTo ?? '/')}`);
  await expect(page.getByRole('heading', { name: 'Sign in to Lifeboat' })).toBeVisible();
  await page.getByRole('radio', { name: user.name }).check();
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const lifeboat = new URL(E2E_BASE_URL).origin;
  await page.waitForURL((url) => url.origin === lifeboat && !url.pathname.startsWith('/auth/'));
}

/** One saved signed-in state per demo user (under test-results/), made on first use in this run. */
export async function storageStateFor(browser: Browser, id: DemoUserId, baseURL: string): Promise<string> {
  const file = path.join('test-results', '.auth', `${id}.json`);
  const made = madeThisRun.get(id) ?? makeState(browser, id, baseURL, file);
  madeThisRun.set(id, made);
  return made;
}

const madeThisRun = new Map<DemoUserId, Promise<string>>();

async function makeState(browser: Browser, id: DemoUserId, baseURL: string, file: string): Promise<string> {
  const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true });
  try {
    await signInAs(await context.newPage(), id);
    await context.storageState({ path: file });
    return file;
  } finally {
    await context.close();
  }
}

const DemoSecrets = z.object({ sessionSecret: z.string().min(32) });

/** The session secret the demo web server seals cookies with (npm run demo keeps it in the data folder). */
export async function readDemoSessionSecret(): Promise<string> {
  return DemoSecrets.parse(JSON.parse(await readFile(path.join(E2E_DATA_DIR, 'secrets.json'), 'utf8'))).sessionSecret;
}
