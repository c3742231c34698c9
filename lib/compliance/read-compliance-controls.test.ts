import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/get-config';
import { insertTestDrill } from '@/lib/db/drills/testing/insert-test-drill';
import { recordProbeSamples } from '@/lib/db/probes/record-probe-samples';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { healthyProbes } from '@/lib/domain/testing/healthy-probes';
import { readComplianceControls } from './read-compliance-controls';

let test: TestDatabase;
const NOW = new Date('2026-11-24T12:00:00.000Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000);
const run = (at: Date, rtoSeconds: number) => ({ startedAt: at, servingAt: new Date(at.getTime() + rtoSeconds * 1000), rtoSeconds, rpoSeconds: 600 });

beforeAll(async () => {
  test = await createTestDatabase('lifeboat_compliance');
  await recordProbeSamples(test.db, 'c1', healthyProbes(new Date(NOW.getTime() - 2_000)));
});
afterAll(async () => test?.drop());

describe('readComplianceControls (what /compliance shows)', () => {
  it('leaves CP-10 unknown before any drill ran', async () => {
    const cp10 = (await readComplianceControls(test.db, getConfig(), NOW)).find((c) => c.id === 'CP-10');
    expect(cp10).toMatchObject({ status: 'unknown', evidence: [{ id: 'newest-drill', status: 'unknown' }] });
  });

  it('the compliance page reflects a failed newest drill as a failing CP-10 evidence item', async () => {
    const passed = await insertTestDrill(test.db, { title: 'Q3 drill', scheduledFor: day(-90), run: { ...run(day(-90), 1_200), state: 'succeeded', smoke: 'succeeded' } });
    let cp10 = (await readComplianceControls(test.db, getConfig(), NOW)).find((c) => c.id === 'CP-10');
    expect(cp10?.status).toBe('pass');
    expect(cp10?.evidence[0]).toMatchObject({ id: 'newest-drill', status: 'pass', href: `/drills/${passed.drillId}` });

    const failed = await insertTestDrill(test.db, { title: 'Q4 drill', scheduledFor: day(-2), run: { ...run(day(-2), 5_400), state: 'failed', smoke: 'failed' } });
    // A newer drill still running has no result yet: the newest finished drill stands.
    await insertTestDrill(test.db, { title: 'Re-run', scheduledFor: day(-1), run: { startedAt: day(-1), state: 'running' } });
    const controls = await readComplianceControls(test.db, getConfig(), NOW);
    cp10 = controls.find((c) => c.id === 'CP-10');
    expect(cp10?.status).toBe('fail');
    const newest = cp10?.evidence.find((e) => e.id === 'newest-drill');
    expect(newest).toMatchObject({ status: 'fail', label: 'Newest recovery drill: Q4 drill', href: `/drills/${failed.drillId}` });
    expect(newest?.detail).toContain('run failed');
    expect(newest?.detail).toContain('Every smoke test passed (health, ingest, query, auth) (failover/validate failed: GET /health answered 503');
    expect(cp10?.evidence.filter((e) => e.status === 'fail').map((e) => e.id)).toEqual(['newest-drill', 'drill-rto', 'drill-smoke']);
    expect(controls.find((c) => c.id === 'CP-7')?.evidence.find((e) => e.id === 'drill-rto')?.status).toBe('fail');
  });

  it('judges CP-6, CP-7 and CP-9 on the live probes and the (missing) backups', async () => {
    const controls = await readComplianceControls(test.db, getConfig(), NOW);
    const cp6 = controls.find((c) => c.id === 'CP-6');
    expect(cp6?.evidence.find((e) => e.id === 'blob-geo-replication')?.status).toBe('pass');
    expect(cp6?.evidence.filter((e) => e.id.startsWith('stored-copy:')).map((e) => [e.id, e.status])).toEqual([['stored-copy:qdrant:documents', 'fail'], ['stored-copy:redis', 'fail']]);
    expect(controls.find((c) => c.id === 'CP-7')?.evidence.find((e) => e.id === 'secondary-health')?.status).toBe('pass');
    expect(controls.find((c) => c.id === 'CP-9')?.status).toBe('fail');
  });
});
