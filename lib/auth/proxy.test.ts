import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';
import { REQUEST_PATH_HEADER } from './request-path-header';
import { sealSession, SESSION_COOKIE_NAME } from './session-cookie';

const SECRET = 'proxy-test-secret-long-enough-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);

function request(path: string, cookie?: string): NextRequest {
  return new NextRequest(`http://localhost:3100${path}`, { headers: cookie === undefined ? {} : { cookie: `${SESSION_COOKIE_NAME}=${cookie}` } });
}

async function validCookie(expiresAt = now() + 3600): Promise<string> {
  return sealSession({ userId: 'viewer', name: 'Vera Viewer', email: 'viewer@lifeboat.test', roles: ['Viewer'], authTime: now(), expiresAt }, SECRET);
}

beforeEach(() => {
  vi.stubEnv('LIFEBOAT_SESSION_SECRET', SECRET);
});

describe('proxy', () => {
  it('redirects an unauthenticated page request to sign-in, keeping where it was going', async () => {
    const response = await proxy(request('/failovers?run=7'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://localhost:3100/auth/sign-in?returnTo=%2Ffailovers%3Frun%3D7');
  });

  it('answers 401 JSON for an unauthenticated API request', async () => {
    const response = await proxy(request('/api/status'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it.each(['/auth/sign-in', '/auth/callback', '/auth/signed-out', '/_next/static/chunk.js', '/api/health', '/api/metrics', '/favicon.ico', '/logo.svg'])('lets %s through without a session', async (path) => {
    const response = await proxy(request(path));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('does not treat an API path with a file extension as a static file', async () => {
    expect((await proxy(request('/api/export.csv'))).status).toBe(401);
    expect((await proxy(request('/api/report.js'))).status).toBe(401);
  });

  it('lets a valid session through and tells the page its own path', async () => {
    const response = await proxy(request('/audit?page=2', await validCookie()));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe('/audit?page=2');
  });

  it.each([
    ['a random string', async () => 'definitely-not-a-session'],
    ['a cookie sealed with another secret', async () => sealSession({ userId: 'admin', name: 'Adam Admin', email: '', roles: ['Admin'], authTime: now(), expiresAt: now() + 3600 }, `${SECRET}-other`)],
    ['an expired session', async () => validCookie(now() - 10)],
  ])('refuses %s and clears the cookie', async (_label, make) => {
    const response = await proxy(request('/', await make()));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/auth/sign-in?returnTo=%2F');
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;.*Expires=Thu, 01 Jan 1970`, 'i'));
  });
});
