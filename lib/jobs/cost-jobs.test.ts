import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listCostMonths } from '@/lib/db/costs/list-cost-months';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { recentMonths } from '@/lib/domain/cost-month';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { startWorker, type RunningWorker } from './start-worker';

let probe: ProbeLab;
let test: TestDatabase;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  probe = await startProbeLab();
  test = await createTestDatabase('lifeboat_cost_jobs');
});

afterAll(async () => {
  await worker?.stop();
  await test?.drop();
  await probe?.stop();
});

describe('the cost refresh job', () => {
  it('a new leader with nothing stored fetches the history months from Cost Management at once', async () => {
    const lines: string[] = [];
    worker = await startWorker({
      databaseUrl: test.url,
      region: probe.config.regions.primary.name,
      heartbeatMs: 1_000,
      electionMs: 200,
      probes: { config: probe.config, intervalMs: 60_000, timeoutMs: 2_000 },
      runbooks: { stepOptions: { caPem: probe.caPem } },
      log: (line) => lines.push(line),
    });
    await vi.waitFor(
      async () => {
        expect(lines.some((line) => line.startsWith('costs.refresh: stored'))).toBe(true);
      },
      { timeout: 30_000, interval: 200 },
    );
    const months = await listCostMonths(test.db);
    expect(months.map((month) => month.month)).toEqual(recentMonths(new Date(), probe.config.costs.historyMonths));
    expect(new Set(months.map((month) => month.source))).toEqual(new Set(['cost-management']));
    expect(months.every((month) => month.lines.length > 0)).toBe(true);
  });
});
