import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/get-config';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import type { ProbeResult } from '@/lib/domain/probe-results';
import type { ProbeCycle } from '@/lib/probes/run-probe-cycle';
import { NotLeaderError } from './not-leader-error';
import { startProbeLoop } from './probe-loop';
import { PROBE_ROLLUP_CRON, PROBE_ROLLUP_QUEUE, rollUpAndPruneProbes } from './probe-rollup';
import { startWorker, type RunningWorker } from './start-worker';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const result: ProbeResult = { component: 'openai', region: 'primary', target: '-', at: new Date(), ok: true, latencyMs: 1, error: null, metrics: { deployments: 2 } };

function fakeCycles(durationMs: number) {
  let started = 0;
  let running = 0;
  let maxRunning = 0;
  const runCycle = async (): Promise<ProbeCycle> => {
    started += 1;
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    await sleep(durationMs);
    running -= 1;
    return { cycleId: `c${started}`, startedAt: new Date(), durationMs, results: [result] };
  };
  return { runCycle, started: () => started, maxRunning: () => maxRunning };
}

describe('the probe loop', () => {
  it('runs at once and then every interval while leading, skipping a tick while a cycle still runs', async () => {
    const cycles = fakeCycles(130);
    const recorded: string[] = [];
    const hooked: ProbeResult[][] = [];
    const lines: string[] = [];
    const loop = startProbeLoop({
      intervalMs: 50,
      isLeader: () => true,
      runCycle: cycles.runCycle,
      record: async (cycle) => {
        recorded.push(cycle.cycleId);
      },
      afterProbeCycle: async (results) => {
        hooked.push(results);
        if (hooked.length === 1) throw new Error('alerts down');
      },
      log: (line) => lines.push(line),
    });
    await sleep(600);
    await loop.stop();
    const afterStop = cycles.started();
    await sleep(150);

    expect(cycles.maxRunning()).toBe(1);
    expect(afterStop).toBeGreaterThanOrEqual(2);
    expect(afterStop).toBeLessThanOrEqual(5); // ~600 / (130 ms rounded up to the next 50 ms tick)
    expect(cycles.started()).toBe(afterStop);
    expect(recorded).toEqual(Array.from({ length: afterStop }, (_, i) => `c${i + 1}`));
    expect(hooked).toHaveLength(afterStop);
    expect(hooked[0]).toEqual([result]);
    expect(lines).toContain('probe cycle skipped: the previous one is still running');
    expect(lines).toContain('after-probe-cycle hook failed: alerts down');
  });

  it('does not probe without leadership, and drops a cycle whose worker lost leadership meanwhile', async () => {
    let leading = false;
    const cycles = fakeCycles(100);
    const recorded: string[] = [];
    const lines: string[] = [];
    const loop = startProbeLoop({ intervalMs: 40, isLeader: () => leading, runCycle: cycles.runCycle, record: async (c) => void recorded.push(c.cycleId), log: (l) => lines.push(l) });
    await sleep(150);
    expect(cycles.started()).toBe(0);
    leading = true;
    await expect.poll(() => cycles.started(), { timeout: 1_000 }).toBe(1);
    leading = false;
    await sleep(200);
    await loop.stop();
    expect(cycles.started()).toBe(1);
    expect(recorded).toEqual([]);
    expect(lines).toContain('probe cycle c1 dropped: no longer leading');
  });
});

describe('probes in the worker', () => {
  let test: TestDatabase;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    test = await createTestDatabase('lifeboat_probe_loop');
  });
  afterAll(async () => {
    await worker?.stop();
    await test?.drop();
  });

  it('the roll-up job refuses to act without leadership', async () => {
    await expect(rollUpAndPruneProbes({ db: test.db, isLeader: () => false, log: () => undefined })).rejects.toBeInstanceOf(NotLeaderError);
  });

  it('the leader probes the configured topology, records every cycle, calls afterProbeCycle, and schedules the hourly roll-up', { timeout: 60_000 }, async () => {
    const hooked: ProbeResult[][] = [];
    const config = getConfig();
    worker = await startWorker({
      databaseUrl: test.url,
      region: config.regions.primary.name,
      heartbeatMs: 200,
      electionMs: 200,
      probes: { config, intervalMs: 400, timeoutMs: 1_000 },
      afterProbeCycle: async (results) => {
        hooked.push(results);
      },
    });
    await expect.poll(() => hooked.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    // Whether or not a lab runs on the configured ports: every probe of a cycle is recorded, failed or not.
    expect(hooked[0]).toHaveLength(14);
    const samples = await test.db.probeSample.groupBy({ by: ['cycleId'], _count: true });
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples.every((cycle) => cycle._count === 14)).toBe(true);

    const boss = new PgBoss({ connectionString: test.url, max: 2 });
    await boss.start();
    try {
      expect((await boss.getSchedules(PROBE_ROLLUP_QUEUE)).map((schedule) => schedule.cron)).toEqual([PROBE_ROLLUP_CRON]);
    } finally {
      await boss.stop({ graceful: false });
    }

    await worker.stop();
    const after = await test.db.probeSample.count();
    await sleep(1_000);
    expect(await test.db.probeSample.count()).toBe(after);
  });
});
