import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth/session';
import { getConfig } from '@/lib/config/get-config';
import { readDrillReportFacts } from '@/lib/db/drill-report/read-drill-report-facts';
import { insertTestDrill, type TestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { buildDrillReport } from '@/lib/drill-report/build-drill-report';
import type { DrillReport } from '@/lib/drill-report/drill-report';
import { pdfText } from '@/lib/drill-report/testing/pdf-text';

const signedIn = vi.hoisted(() => ({ session: null as Session | null }));
// The routes read the session from the request's cookies through next/headers; here, from the test.
vi.mock('@/lib/auth/get-session', () => ({ getSession: async () => signedIn.session }));

const json = await import('./report.json/route');
const pdf = await import('./report.pdf/route');

const now = Math.floor(Date.now() / 1000);
const as = (userId: string, roles: Session['roles']): Session => ({ userId, name: `${userId} user`, email: `${userId}@lifeboat.test`, roles, authTime: now, expiresAt: now + 3600 });
const context = (id: string) => ({ params: Promise.resolve({ id }) });
const getJson = (id: string) => json.GET(new NextRequest(`http://localhost/api/drills/${id}/report.json`), context(id));
const getPdf = (id: string) => pdf.GET(new NextRequest(`http://localhost/api/drills/${id}/report.pdf`), context(id));
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let t: TestDatabase;
let drill: TestDrill;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await insertTestDrill(t.db, { title: 'Q3 drill', scheduledFor: new Date('2026-08-20T02:00:00Z'), run: { rtoSeconds: 1_500, rpoSeconds: 120 } });
  drill = await insertTestDrill(t.db, {
    title: 'Q4 drill',
    scheduledFor: new Date('2026-11-20T02:00:00Z'),
    run: { rtoSeconds: 1_230, rpoSeconds: 300 },
    lessonsLearned: 'Scaling the standby pool took longest.',
    followUps: [{ id: 'f1', text: 'Pre-scale the standby pool', owner: 'Ada Architect', dueDate: '2026-12-15', done: false }],
  });
});
afterAll(async () => t?.drop());
beforeEach(() => {
  signedIn.session = as('viewer', ['Viewer']);
});

describe.each([
  ['report.json', getJson],
  ['report.pdf', getPdf],
])('GET /api/drills/<id>/%s: refusals', (_name, get) => {
  it('answers 401 without a session and 403 without a role that may open /drills', async () => {
    signedIn.session = null;
    expect((await get(drill.drillId)).status).toBe(401);
    signedIn.session = as('nobody', []);
    const forbidden = await get(drill.drillId);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden' });
  });

  it('answers 400 for a malformed id and 404 for an unknown drill', async () => {
    expect((await get('not-a-uuid')).status).toBe(400);
    const missing = await get(UNKNOWN);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('GET /api/drills/<id>/report.json', () => {
  it('is the builder’s report of the drill, with the RTO and RPO its run recorded', async () => {
    const response = await getJson(drill.drillId);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const report = (await response.json()) as DrillReport;
    const facts = await readDrillReportFacts(t.db, drill.drillId);
    const built = buildDrillReport(facts!, getConfig().objectives, new Date(report.generatedAt));
    expect(report).toEqual(JSON.parse(JSON.stringify(built)));
    expect(report.run).toMatchObject({ id: drill.runId, rtoSeconds: 1_230, rpoSeconds: 300 });
    expect(report.comparison.map((p) => [p.title, p.current])).toEqual([['Q3 drill', false], ['Q4 drill', true]]);
  });
});

describe('GET /api/drills/<id>/report.pdf', () => {
  it('downloads a PDF named after the drill whose text holds its id, title, measurements, criteria, people, lessons, follow-ups and timeline', async () => {
    signedIn.session = as('operator', ['Operator']);
    const response = await getPdf(drill.drillId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="drill-${drill.drillId}.pdf"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(body);
    const { rtoMinutes, rpoMinutes } = getConfig().objectives;
    for (const expected of [
      drill.drillId,
      'Drill report: Q4 drill',
      `Measured RTO: 20 min (1230 s), objective`,
      `Measured RPO: 5 min (300 s), objective`,
      `${1_230 <= rtoMinutes * 60 ? 'PASS' : 'FAIL'}  Secondary operational within the RTO objective`,
      `${300 <= rpoMinutes * 60 ? 'PASS' : 'FAIL'}  Data loss within the RPO objective`,
      'Omar Operator (Operator): confirmed',
      'Scaling the standby pool took longest.',
      'Pre-scale the standby pool - owner Ada Architect, due 2026-12-15',
      'failover/validate - Step failover/validate [validate-serving]: succeeded, T+ 2m 00s',
      'Q3 drill: RTO 25 min, RPO 2 min',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
