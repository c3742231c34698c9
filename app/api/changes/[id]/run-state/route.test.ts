import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth/session';
import { insertChangeRequest } from '@/lib/db/approvals/insert-change-request';
import { createRunbookRun } from '@/lib/db/runbooks/create-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { ChangePlan } from '@/lib/domain/change-plan';

const signedIn = vi.hoisted(() => ({ session: null as Session | null }));
// The route reads the session from the request's cookies through next/headers; here, from the test.
vi.mock('@/lib/auth/get-session', () => ({ getSession: async () => signedIn.session }));

const { GET } = await import('./route');

const now = Math.floor(Date.now() / 1000);
const as = (userId: string, roles: Session['roles']): Session => ({ userId, name: `${userId} user`, email: `${userId}@lifeboat.test`, roles, authTime: now, expiresAt: now + 3600 });
const get = (id: string) => GET(new NextRequest(`http://localhost/api/changes/${id}/run-state`), { params: Promise.resolve({ id }) });

const plan: ChangePlan = { kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', steps: [{ id: 'check', action: 'check-health', title: 'check', target: 't', params: {}, dependsOn: [], optional: false, estimateMinutes: 1 }] };

let t: TestDatabase;
let requestId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  requestId = await insertChangeRequest(t.db, {
    kind: 'failover',
    reason: 'test',
    state: 'pending',
    plan,
    planDigest: 'd'.repeat(64),
    preflight: { at: new Date().toISOString(), findings: [], expectedDataLossSeconds: null, readiness: 'ready', servingRegion: 'canadacentral', openAlerts: [] },
    requestedBy: { id: 'operator', name: 'Omar Operator' },
    expiresAt: new Date(Date.now() + 3_600_000),
    approversRequired: 2,
  });
});
afterAll(async () => t?.drop());
beforeEach(() => {
  signedIn.session = as('viewer', ['Viewer']);
});

describe('GET /api/changes/<id>/run-state', () => {
  it('answers 401 without a session and 403 without a role', async () => {
    signedIn.session = null;
    expect((await get(requestId)).status).toBe(401);
    signedIn.session = as('nobody', []);
    const response = await get(requestId);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden' });
  });

  it('answers 400 for a malformed id and 404 for an unknown request', async () => {
    expect((await get('not-a-uuid')).status).toBe(400);
    expect((await get('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('names no run until the real one exists, and ignores dry runs', async () => {
    await createRunbookRun(t.db, { requestId, plan, planDigest: 'd'.repeat(64), dryRun: true });
    const response = await get(requestId);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ state: 'pending', runId: null });
    const runId = await createRunbookRun(t.db, { requestId, plan, planDigest: 'd'.repeat(64), dryRun: false });
    expect(await (await get(requestId)).json()).toEqual({ state: 'pending', runId });
  });
});
