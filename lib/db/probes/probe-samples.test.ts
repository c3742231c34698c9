import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProbeResult } from '@/lib/domain/probe-results';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { latestProbeSamples } from './latest-probe-samples';
import { probeHistory } from './probe-history';
import { pruneProbeSamples } from './prune-probe-samples';
import { recordProbeSamples } from './record-probe-samples';
import { rollUpProbeSamples } from './roll-up-probe-samples';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('lifeboat_probes');
});
afterAll(async () => test?.drop());
beforeEach(async () => {
  await test.db.probeSample.deleteMany();
  await test.db.probeRollup.deleteMany();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date('2026-11-24T12:30:00.000Z');

function blob(at: Date, lagSeconds: number, ok = true): ProbeResult<'blob'> {
  return { component: 'blob', region: 'global', target: 'devstoreaccount1', at, ok, latencyMs: 12.6, error: ok ? null : 'boom', metrics: ok ? { geoStatus: 'live', lastSyncTime: at.toISOString(), lagSeconds } : null };
}
function redis(at: Date, region: 'primary' | 'secondary', ok = true): ProbeResult<'redis'> {
  const backup = new Date(at.getTime() - 10 * MINUTE).toISOString();
  return { component: 'redis', region, target: '-', at, ok, latencyMs: ok ? 3 : null, error: ok ? null : 'connect ECONNREFUSED 127.0.0.1:6380', metrics: ok ? { pingMs: 0.4, usedMemoryBytes: 1_000_000, keys: 500, newestBackupAt: backup } : null };
}

/** One cycle every 15 minutes from `from` (inclusive) to `to` (exclusive), three targets each. */
async function recordEvery15Minutes(from: Date, to: Date): Promise<number> {
  let cycles = 0;
  for (let t = from.getTime(); t < to.getTime(); t += 15 * MINUTE) {
    const at = new Date(t);
    await recordProbeSamples(test.db, `cycle-${t}`, [blob(at, 5), redis(at, 'primary'), redis(at, 'secondary', cycles % 2 === 0)]);
    cycles += 1;
  }
  return cycles;
}

describe('recording and reading probe samples', () => {
  it('records a cycle under one cycleId and keeps a probe that measured nothing as metrics null', async () => {
    const at = new Date(NOW.getTime() - MINUTE);
    expect(await recordProbeSamples(test.db, 'c1', [blob(at, 7), redis(at, 'primary', false)])).toBe(2);
    expect(await recordProbeSamples(test.db, 'empty', [])).toBe(0);

    const latest = await latestProbeSamples(test.db);
    expect(latest.map((s) => [s.component, s.region, s.cycleId, s.ok])).toEqual([
      ['blob', 'global', 'c1', true],
      ['redis', 'primary', 'c1', false],
    ]);
    expect(latest[0]).toMatchObject({ latencyMs: 13, metrics: { geoStatus: 'live', lagSeconds: 7 } });
    expect(latest[1]).toMatchObject({ metrics: null, error: 'connect ECONNREFUSED 127.0.0.1:6380', latencyMs: null });
    expect(latest[1]?.at.toISOString()).toBe(at.toISOString());
  });

  it('latest gives the newest sample per component/region/target, filtered on request', async () => {
    const older = new Date(NOW.getTime() - 2 * MINUTE);
    const newer = new Date(NOW.getTime() - MINUTE);
    await recordProbeSamples(test.db, 'old', [blob(older, 1), redis(older, 'primary'), redis(older, 'secondary')]);
    await recordProbeSamples(test.db, 'new', [blob(newer, 2), redis(newer, 'primary', false)]);

    const latest = await latestProbeSamples(test.db);
    expect(latest.map((s) => `${s.component}/${s.region}:${s.cycleId}`)).toEqual(['blob/global:new', 'redis/primary:new', 'redis/secondary:old']);
    expect((await latestProbeSamples(test.db, { component: 'redis', region: 'secondary' })).map((s) => s.cycleId)).toEqual(['old']);
    // A target silent for longer than the window before the newest sample drops out.
    expect((await latestProbeSamples(test.db, { withinSeconds: 30 })).map((s) => s.cycleId)).toEqual(['new', 'new']);
  });
});

describe('roll-up, prune and history', () => {
  it('rolls complete hours up, prunes raw samples after 48 h on an hour boundary, and history stitches both', async () => {
    const from = new Date(NOW.getTime() - 60 * HOUR - 30 * MINUTE); // 00:00 two and a half days ago
    const cycles = await recordEvery15Minutes(from, NOW);
    expect(cycles).toBe(60 * 4 + 2);

    // Nothing is pruned before a roll-up exists.
    expect(await pruneProbeSamples(test.db, { now: NOW })).toEqual({ samplesDeleted: 0, rollupsDeleted: 0 });

    const written = await rollUpProbeSamples(test.db, { now: NOW });
    expect(written).toBe(60 * 3); // 60 complete hours × 3 targets; the current hour is not complete
    const rows = await test.db.probeRollup.findMany({ orderBy: [{ hour: 'asc' }, { region: 'asc' }] });
    expect(rows[0]).toMatchObject({ hour: from, component: 'blob', samples: 4, okSamples: 4, avgLatencyMs: 13, maxLatencyMs: 13, lagSecondsMax: 5 });
    const secondary = rows.filter((row) => row.component === 'redis' && row.region === 'secondary');
    expect(secondary.every((row) => row.samples === 4 && row.okSamples === 2)).toBe(true);
    expect(rows.find((row) => row.region === 'primary')?.lagSecondsMax).toBeCloseTo(600, 3); // backup 10 min old

    // Running again changes nothing (the newest hour is recomputed, not duplicated).
    expect(await rollUpProbeSamples(test.db, { now: NOW })).toBe(3);
    expect(await test.db.probeRollup.count()).toBe(180);

    const ancient = new Date(NOW.getTime() - 401 * 24 * HOUR);
    await test.db.probeRollup.create({ data: { hour: ancient, component: 'blob', region: 'global', target: 'devstoreaccount1', samples: 1, okSamples: 1 } });

    const pruned = await pruneProbeSamples(test.db, { now: NOW });
    // Cut at 12:00 two days ago: the 12 hours from 00:00 to 12:00 two and a half days ago go.
    expect(pruned).toEqual({ samplesDeleted: 12 * 4 * 3, rollupsDeleted: 1 });
    const remaining = await test.db.probeSample.aggregate({ _min: { at: true }, _count: true });
    expect(remaining._count).toBe((cycles - 48) * 3);
    expect(remaining._min.at?.toISOString()).toBe(new Date(NOW.getTime() - 48 * HOUR - 30 * MINUTE).toISOString());

    const history = await probeHistory(test.db, { component: 'blob', from: new Date(NOW.getTime() - 3 * 24 * HOUR), to: NOW });
    expect(history.rollups).toHaveLength(12);
    expect(history.rollups.at(-1)?.hour.getTime()).toBe(NOW.getTime() - 49 * HOUR - 30 * MINUTE);
    expect(history.samples).toHaveLength(cycles - 48);
    expect(history.samples[0]?.at.getTime()).toBe(history.rollups.at(-1)!.hour.getTime() + HOUR);
    expect(history.samples.every((s) => s.component === 'blob')).toBe(true);
    expect(history.truncated).toBe(false);

    const recent = await probeHistory(test.db, { component: 'redis', region: 'secondary', target: '-', from: new Date(NOW.getTime() - HOUR), to: NOW, maxSamples: 2 });
    expect(recent).toMatchObject({ rollups: [], truncated: true });
    expect(recent.samples.map((s) => s.at.toISOString())).toEqual([new Date(NOW.getTime() - 30 * MINUTE).toISOString(), new Date(NOW.getTime() - 15 * MINUTE).toISOString()]);
  });
});
