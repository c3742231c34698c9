import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordProbeSamples } from '@/lib/db/probes/record-probe-samples';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { ProbeResult } from '@/lib/domain/probe-results';
import { readStatusSnapshot } from './read-status-snapshot';

let target: TestDatabase;
const now = new Date('2026-05-04T10:00:10Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function cycle(at: Date, lagSeconds: number, primaryAppOk = true): ProbeResult[] {
  return [
    { component: 'app', region: 'primary', target: '-', at, ok: primaryAppOk, latencyMs: primaryAppOk ? 3 : null, error: primaryAppOk ? null : 'connect ECONNREFUSED', metrics: primaryAppOk ? { status: 'ok', httpStatus: 200 } : null },
    { component: 'app', region: 'secondary', target: '-', at, ok: true, latencyMs: 4, error: null, metrics: { status: 'ok', httpStatus: 200 } },
    { component: 'blob', region: 'global', target: 'acct', at, ok: true, latencyMs: 9, error: null, metrics: { geoStatus: 'live', lastSyncTime: new Date(at.getTime() - lagSeconds * 1000).toISOString(), lagSeconds } },
  ];
}

beforeAll(async () => {
  target = await createTestDatabase();
  await recordProbeSamples(target.db, 'c1', cycle(ago(30), 10));
  await recordProbeSamples(target.db, 'c2', cycle(ago(15), 20));
  await recordProbeSamples(target.db, 'c3', cycle(ago(0), 5, false));
});
afterAll(async () => target.drop());

describe('readStatusSnapshot', () => {
  it('composes readiness, tiles with sparklines and the lag series from the database', async () => {
    const snapshot = await readStatusSnapshot(target.db, { window: '24h', now });
    expect(snapshot.window).toBe('24h');
    expect(snapshot.readiness.newestProbeAt).toBe(now.toISOString());
    const primaryApp = snapshot.tiles.find((tile) => tile.component === 'app' && tile.region === 'primary');
    expect(primaryApp?.state).toBe('bad');
    expect(primaryApp?.spark.points.map((point) => point.value)).toEqual([3, 3, null]);
    const blob = snapshot.tiles.find((tile) => tile.component === 'blob');
    expect(blob?.spark).toMatchObject({ unit: 's', points: [{ value: 10 }, { value: 20 }, { value: 5 }] });
    expect(snapshot.lag.bucketSeconds).toBe(300);
    expect(snapshot.lag.points).toHaveLength(288);
    expect(snapshot.lag.points.at(-1)?.blob).toBe(5);
    expect(snapshot.lag.points.at(-2)?.blob).toBe(20);
    expect(snapshot.database.ok).toBe(true);
  });

  it('keeps its version while only the clock moves, and changes it when a probe lands', async () => {
    const first = await readStatusSnapshot(target.db, { window: '24h', now });
    const later = await readStatusSnapshot(target.db, { window: '24h', now: new Date(now.getTime() + 1_000) });
    expect(later.generatedAt).not.toBe(first.generatedAt);
    expect(later.version).toBe(first.version);
    expect((await readStatusSnapshot(target.db, { window: '7d', now })).version).not.toBe(first.version);
    await recordProbeSamples(target.db, 'c4', cycle(new Date(now.getTime() + 2_000), 6));
    const next = await readStatusSnapshot(target.db, { window: '24h', now: new Date(now.getTime() + 3_000) });
    expect(next.version).not.toBe(first.version);
  });
});
