import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth/session';
import { getConfig } from '@/lib/config/get-config';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import { createRunbookRun } from '@/lib/db/runbooks/create-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { ChangePlan } from '@/lib/domain/change-plan';
import type { RunView } from '@/lib/run-view/run-view';

const signedIn = vi.hoisted(() => ({ session: null as Session | null }));
// The route reads the session from the request's cookies through next/headers; here, from the test.
vi.mock('@/lib/auth/get-session', () => ({ getSession: async () => signedIn.session }));

const { GET } = await import('./route');

const now = Math.floor(Date.now() / 1000);
const as = (userId: string, roles: Session['roles']): Session => ({ userId, name: `${userId} user`, email: `${userId}@lifeboat.test`, roles, authTime: now, expiresAt: now + 3600 });
const get = (id: string) => GET(new NextRequest(`http://localhost/api/runs/${id}`), { params: Promise.resolve({ id }) });

const step = (id: string, dependsOn: string[]) => ({ id, action: 'check-health' as const, title: `step ${id}`, target: 't', params: {}, dependsOn, optional: false, estimateMinutes: 1 });
const plan: ChangePlan = { kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', steps: [step('check', []), step('scale', ['check']), step('restore', ['check']), step('switch', ['scale', 'restore'])] };

let t: TestDatabase;
let runId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  runId = await createRunbookRun(t.db, { requestId: null, plan, planDigest: 'd'.repeat(64), dryRun: true });
  const at = new Date(Date.now() - 5_000);
  await t.db.runbookStep.updateMany({ where: { runId, stepId: 'check' }, data: { state: 'running', attempt: 1, startedAt: at } });
  await t.db.runbookStep.updateMany({ where: { runId, stepId: 'check' }, data: { state: 'succeeded', finishedAt: new Date(at.getTime() + 2_000), output: { dryRun: true, wouldDo: 'would probe both regions' } } });
  await t.db.$transaction((tx) => appendAuditEvent(tx, { actor: { id: 'operator', name: 'Omar Operator', roles: ['Operator'] }, action: 'runbook.dry-run', target: { type: 'runbook-run', id: runId }, outcome: 'success' }));
});
afterAll(async () => t?.drop());
beforeEach(() => {
  signedIn.session = as('viewer', ['Viewer']);
});

describe('GET /api/runs/<id>', () => {
  it('answers 401 without a session and 403 without a role', async () => {
    signedIn.session = null;
    expect((await get(runId)).status).toBe(401);
    signedIn.session = as('nobody', []);
    expect(await (await get(runId)).json()).toMatchObject({ error: 'forbidden' });
  });

  it('answers 400 for a malformed id and 404 for an unknown run', async () => {
    expect((await get('not-a-uuid')).status).toBe(400);
    const missing = await get('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the run to a Viewer: steps by stage with T+ and output, progress against the RTO, and its audit trail', async () => {
    const response = await get(runId);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const view = (await response.json()) as RunView;
    expect(view.run).toMatchObject({ id: runId, state: 'running', dryRun: true, kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', waitingForWorker: true, abortRequestedAt: null });
    expect(view.stages).toEqual([['check'], ['scale', 'restore'], ['switch']]);
    const check = view.steps.find((s) => s.stepId === 'check')!;
    expect(check).toMatchObject({ state: 'succeeded', attempt: 1, stage: 1, durationSeconds: 2, output: { wouldDo: 'would probe both regions' } });
    expect(check.offsetSeconds).toBeGreaterThanOrEqual(0);
    expect(view.steps.find((s) => s.stepId === 'switch')).toMatchObject({ state: 'pending', stage: 3, offsetSeconds: null, dependsOn: ['scale', 'restore'] });
    expect(view.progress.objectiveSeconds).toBe(getConfig().objectives.rtoMinutes * 60);
    expect(view.measured.rtoObjectiveSeconds).toBe(getConfig().objectives.rtoMinutes * 60);
    expect(view.progress.elapsedSeconds).toBeGreaterThan(0);
    expect(view.measured).toMatchObject({ rtoSeconds: null, rpoSeconds: null });
    expect(view.audit.map((event) => [event.action, event.actorName])).toEqual([['runbook.dry-run', 'Omar Operator']]);
    // Audit payloads (inputs, comments, reasons) stay in /audit, which only Admins and Architects see.
    expect(view.audit.every((event) => !('payload' in event))).toBe(true);
    expect(view.rtoClock).toMatchObject({ from: 'run' });
  });
});
