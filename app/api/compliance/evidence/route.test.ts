import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth/session';
import type { EvidencePack } from '@/lib/compliance/evidence-pack';
import { insertTestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { insertTestRun } from '@/lib/db/metrics/testing/insert-test-run';
import { insertAuditEvents } from '@/lib/db/testing/insert-audit-events';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';

const signedIn = vi.hoisted(() => ({ session: null as Session | null }));
// The route reads the session from the request's cookies through next/headers; here, from the test.
vi.mock('@/lib/auth/get-session', () => ({ getSession: async () => signedIn.session }));

const { GET } = await import('./route');

const nowSeconds = Math.floor(Date.now() / 1000);
const as = (userId: string, roles: Session['roles']): Session => ({ userId, name: `${userId} user`, email: `${userId}@lifeboat.test`, roles, authTime: nowSeconds, expiresAt: nowSeconds + 3600 });
const get = (query: string) => GET(new NextRequest(`http://localhost/api/compliance/evidence${query}`));
const october = (dayOfMonth: number, hour = 12) => new Date(Date.UTC(2026, 9, dayOfMonth, hour));
const exports = () => t.db.auditEvent.count({ where: { action: 'compliance.evidence-export' } });

let t: TestDatabase;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDatabase('lifeboat_evidence');
  process.env.DATABASE_URL = t.url;
  ids.inPeriod = (await insertTestDrill(t.db, { title: 'October drill', scheduledFor: october(10), run: { state: 'failed', startedAt: october(10), servingAt: october(10, 14), rtoSeconds: 7_200, rpoSeconds: 600, smoke: 'failed' } })).drillId;
  await insertTestDrill(t.db, { title: 'September drill', scheduledFor: new Date(Date.UTC(2026, 8, 10)) });
  ids.failover = (await insertTestRun(t.db, 'failover', { state: 'succeeded', startedAt: october(20), servingAt: october(20, 13), rtoSeconds: 3_000, rpoSeconds: 1_200 })).runId;
  await insertTestRun(t.db, 'failover', { state: 'succeeded', startedAt: october(21), dryRun: true });
  const replication = (job: string, state: string, startedAt: Date) => t.db.replicationRun.create({ data: { job, target: 'documents', region: 'canadacentral', trigger: 'schedule', state, startedAt, finishedAt: startedAt, details: {} } });
  await replication('qdrant-snapshot', 'succeeded', october(1));
  await replication('qdrant-snapshot', 'failed', october(2));
  await replication('redis-backup', 'succeeded', october(3));
  await replication('redis-backup', 'succeeded', new Date(Date.UTC(2026, 10, 1)));
  await insertAuditEvents(t.db, [5, 6, 7].map((d) => ({ at: october(d), actorId: 'operator', actorName: 'Omar Operator', actorRoles: ['Operator'], action: 'replication.run-now', targetType: 'job', targetId: 'qdrant-snapshot', outcome: 'success', payload: {} })));
});
afterAll(async () => t?.drop());
beforeEach(() => {
  signedIn.session = as('viewer', ['Viewer']);
});

describe('GET /api/compliance/evidence', () => {
  it('answers 401 without a session and 403 without a role, exporting and auditing nothing', async () => {
    const before = await exports();
    signedIn.session = null;
    expect((await get('?from=2026-10-01&to=2026-10-31')).status).toBe(401);
    signedIn.session = as('nobody', []);
    const forbidden = await get('?from=2026-10-01&to=2026-10-31');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden' });
    expect(await exports()).toBe(before);
  });

  it('refuses a missing or bad period and an unknown format with 400, naming the field', async () => {
    const missing = await get('?from=2026-10-01');
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toContain('to:');
    expect((await get('?from=2026-10-31&to=2026-10-01')).status).toBe(400);
    expect((await get('?from=yesterday&to=2026-10-01')).status).toBe(400);
    expect((await get('?from=2026-10-01&to=2026-10-31&format=xml')).status).toBe(400);
  });

  it('exports the period as JSON: controls now, the drills and failovers of the period with their criteria, replication and audit counts', async () => {
    const response = await get('?from=2026-10-01&to=2026-10-31&format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="lifeboat-dr-evidence-20261001-20261031.json"');
    const pack = (await response.json()) as EvidencePack;
    expect(pack).toMatchObject({ format: 'lifeboat-compliance-evidence/1', generatedBy: { userId: 'viewer' }, period: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' } });
    expect(pack.controls.map((c) => [c.id, c.status])).toContainEqual(['CP-10', 'fail']);
    expect(pack.controls.map((c) => c.id)).toEqual(['CP-6', 'CP-7', 'CP-9', 'CP-10']);
    expect(pack.drills).toHaveLength(1);
    expect(pack.drills[0]).toMatchObject({ id: ids.inPeriod, result: 'failed', run: { state: 'failed', rtoSeconds: 7_200 } });
    expect(pack.drills[0]?.criteria.map((c) => [c.id, c.passed])).toEqual([['rto', false], ['rpo', true], ['smoke', false], ['confirmed', true]]);
    expect(pack.failovers.map((f) => [f.runId, f.kind, f.rtoSeconds, f.rtoWithinObjective])).toEqual([[ids.failover, 'failover', 3_000, true]]);
    expect(pack.replication).toEqual({
      totalRuns: 3,
      jobs: [
        { job: 'qdrant-snapshot', runs: 2, succeeded: 1, failed: 1, running: 0 },
        { job: 'redis-backup', runs: 1, succeeded: 1, failed: 0, running: 0 },
      ],
    });
    expect(pack.audit).toMatchObject({ eventsInPeriod: 3, chain: { ok: true } });
    expect(response.headers.get('x-lifeboat-audit-seq')).toBe(pack.audit.exportEvent.seq);
  });

  it('renders the same pack as a Markdown report', async () => {
    const response = await get('?from=2026-10-01&to=2026-10-31&format=md');
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const text = await response.text();
    expect(text).toContain('### CP-10 System recovery and reconstitution: FAIL');
    expect(text).toContain('| October drill | 2026-10-10T12:00:00.000Z | failed | 2 h (7200 s) | 10 min (600 s) | FAILED |');
    expect(text).toContain('- Events in the period: 3');
  });

  it('records every export in the audit log with who, which format and which period', async () => {
    signedIn.session = as('architect', ['Architect']);
    await (await get('?from=2026-10-01T00:00:00Z&to=2026-10-15T00:00:00Z&format=json')).text();
    const recorded = await t.db.auditEvent.findFirst({ where: { action: 'compliance.evidence-export', actorId: 'architect' }, orderBy: { seq: 'desc' } });
    expect(recorded).toMatchObject({ outcome: 'success', targetType: 'compliance-evidence', targetId: 'json', actorRoles: ['Architect'], payload: { format: 'json', from: '2026-10-01T00:00:00.000Z', to: '2026-10-15T00:00:00.000Z' } });
  });
});
