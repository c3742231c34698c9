import { randomBytes } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CryptoProvider, ResponseMode, type AuthenticationResult, type ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMsalClient, SIGN_IN_SCOPES } from '@/lib/auth/msal-client';
import { sessionFromIdToken } from '@/lib/auth/session-from-id-token';
import { ensureLabCertificate } from '../tls/ensure-lab-certificate';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { startOidcProvider, type RunningOidcProvider } from './start-oidc-provider';
import { networkClientTrusting } from './testing/https-with-ca';
import { TinyBrowser } from './testing/tiny-browser';
import { findFreePort } from '../shared/find-free-port';

const REDIRECT_URI = 'http://localhost:3999/auth/callback';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

let dir: string;
let ca: string;
let provider: RunningOidcProvider;
let msal: ConfidentialClientApplication;


/** One authorization request as Lifeboat's sign-in route makes it: PKCE S256, state, nonce. */
async function startSignIn(options: { prompt?: 'login'; maxAge?: number } = {}) {
  const pkce = await new CryptoProvider().generatePkceCodes();
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const url = await msal.getAuthCodeUrl({
    scopes: SIGN_IN_SCOPES,
    redirectUri: REDIRECT_URI,
    responseMode: ResponseMode.QUERY,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: 'S256',
    state,
    nonce,
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.maxAge !== undefined ? { extraQueryParameters: { max_age: String(options.maxAge) } } : {}),
  });
  return { url, verifier: pkce.verifier, state, nonce };
}

async function redeem(callbackUrl: string, request: { verifier: string; state: string; nonce: string }) {
  const callback = new URL(callbackUrl);
  const code = callback.searchParams.get('code');
  const state = callback.searchParams.get('state') ?? '';
  expect(callback.searchParams.get('error')).toBeNull();
  expect(code).toBeTruthy();
  return msal.acquireTokenByCode(
    { scopes: SIGN_IN_SCOPES, redirectUri: REDIRECT_URI, code: code ?? '', codeVerifier: request.verifier, state: request.state, nonce: request.nonce },
    { code: code ?? '', state },
  );
}

function authTimeOf(result: AuthenticationResult): number {
  return z.number().int().parse((result.idTokenClaims as Record<string, unknown>).auth_time);
}

async function signInThroughLoginForm(browser: TinyBrowser, userId: string, options: { prompt?: 'login'; maxAge?: number } = {}) {
  const request = await startSignIn(options);
  const loginPage = await browser.get(request.url);
  expect(loginPage.response.status).toBe(200);
  expect(loginPage.url).toMatch(/\/interaction\/[\w-]+$/);
  const done = await browser.postForm(`${loginPage.url}/login`, { login: userId, password: DEMO_PASSWORD });
  expect(done.url.startsWith(REDIRECT_URI)).toBe(true);
  return { result: await redeem(done.url, request), loginPage };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-oidc-'));
  const tls = await ensureLabCertificate(dir);
  ca = await readFile(tls.certPath, 'utf8');
  const port = await findFreePort();
  const issuer = `https://localhost:${port}`;
  provider = await startOidcProvider({ port, issuer, tls, client: { clientId: 'lifeboat', clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] } });
  msal = createMsalClient({ protocol: 'oidc', authority: issuer, clientId: 'lifeboat', clientSecret: CLIENT_SECRET, knownAuthorities: [`localhost:${port}`] }, networkClientTrusting(ca));
});

afterAll(async () => {
  await provider?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('lab OIDC provider with MSAL (authorization code + PKCE)', () => {
  it.each(DEMO_USERS.map((user) => [user.id, user] as const))('signs in %s through the login form and returns name, email, roles and auth_time', async (_id, user) => {
    const before = Math.floor(Date.now() / 1000);
    const { result, loginPage } = await signInThroughLoginForm(new TinyBrowser(ca, REDIRECT_URI), user.id);

    expect(loginPage.response.body).toContain('<html lang="en">');
    for (const listed of DEMO_USERS) expect(loginPage.response.body).toContain(listed.name);
    const claims = result.idTokenClaims as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: provider.issuer, aud: 'lifeboat', sub: user.id, name: user.name, email: user.email, roles: [...user.roles] });
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 1);
    expect(claims.auth_time).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));

    const built = sessionFromIdToken(claims, { now: before, sessionHours: 8 });
    expect(built.ok && built.session).toMatchObject({ userId: user.id, name: user.name, email: user.email, roles: [...user.roles], authTime: claims.auth_time });
  });

  it('refuses a wrong password and shows an error on the login page', async () => {
    const browser = new TinyBrowser(ca, REDIRECT_URI);
    const request = await startSignIn();
    const loginPage = await browser.get(request.url);
    const refused = await browser.postForm(`${loginPage.url}/login`, { login: 'admin', password: 'not-the-password' });
    expect(refused.url).toBe(`${loginPage.url}/login`);
    expect(refused.response.status).toBe(200);
    expect(refused.response.body).toContain('role="alert"');
    expect(refused.response.body).toContain('Wrong password for Adam Admin');
    expect(refused.response.body).toContain('aria-invalid="true"');

    const retried = await browser.postForm(`${loginPage.url}/login`, { login: 'admin', password: DEMO_PASSWORD });
    expect(retried.url.startsWith(REDIRECT_URI)).toBe(true);
    expect((await redeem(retried.url, request)).idTokenClaims).toMatchObject({ sub: 'admin', roles: ['Admin'] });
  });

  it('refuses an unknown user', async () => {
    const browser = new TinyBrowser(ca, REDIRECT_URI);
    const loginPage = await browser.get((await startSignIn()).url);
    const refused = await browser.postForm(`${loginPage.url}/login`, { login: 'mallory', password: DEMO_PASSWORD });
    expect(refused.url).toBe(`${loginPage.url}/login`);
    expect(refused.response.body).toContain('Choose one of the demo users');
  });

  it('reuses the provider session silently, but prompt=login and max_age=0 force a fresh login', async () => {
    const browser = new TinyBrowser(ca, REDIRECT_URI);
    const first = await signInThroughLoginForm(browser, 'approver1');
    const firstAuthTime = authTimeOf(first.result);

    const silent = await startSignIn();
    const ssoLanding = await browser.get(silent.url);
    expect(ssoLanding.url.startsWith(REDIRECT_URI)).toBe(true);
    expect(authTimeOf(await redeem(ssoLanding.url, silent))).toBe(firstAuthTime);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const forced = await signInThroughLoginForm(browser, 'approver1', { prompt: 'login' });
    expect(forced.loginPage.response.body).toContain('sign in again to confirm it is you');
    expect(authTimeOf(forced.result)).toBeGreaterThan(firstAuthTime);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const aged = await signInThroughLoginForm(browser, 'approver1', { maxAge: 0 });
    expect(authTimeOf(aged.result)).toBeGreaterThan(authTimeOf(forced.result));
  });

  it('requires PKCE', async () => {
    const request = await startSignIn();
    const withoutPkce = new URL(request.url);
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const landing = await new TinyBrowser(ca, REDIRECT_URI).get(withoutPkce.href);
    const callback = new URL(landing.url);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses to redeem a code with the wrong PKCE verifier or the wrong client secret', async () => {
    const browser = new TinyBrowser(ca, REDIRECT_URI);
    const request = await startSignIn();
    const loginPage = await browser.get(request.url);
    const done = await browser.postForm(`${loginPage.url}/login`, { login: 'viewer', password: DEMO_PASSWORD });
    await expect(redeem(done.url, { ...request, verifier: (await new CryptoProvider().generatePkceCodes()).verifier })).rejects.toThrow(/invalid_grant/);

    const impostor = createMsalClient(
      { protocol: 'oidc', authority: provider.issuer, clientId: 'lifeboat', clientSecret: 'wrong-secret', knownAuthorities: [new URL(provider.issuer).host] },
      networkClientTrusting(ca),
    );
    const second = await startSignIn();
    const landing = await browser.get(second.url); // the provider session makes this silent
    const code = new URL(landing.url).searchParams.get('code') ?? '';
    await expect(
      impostor.acquireTokenByCode({ scopes: SIGN_IN_SCOPES, redirectUri: REDIRECT_URI, code, codeVerifier: second.verifier, state: second.state, nonce: second.nonce }, { code, state: second.state }),
    ).rejects.toThrow(/invalid_client/);
  });
});
