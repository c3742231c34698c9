// npm run bench:failover [-- --runs 5]: the lab failover end to end (in-process lab, real PostgreSQL,
// the real step handlers), failed back between runs. Per run: total time, the critical path (longest
// dependency chain of measured step durations) and the sum of step durations. Goal: total ≤ 1.1 × critical path.
import fs from 'node:fs';
import path from 'node:path';
import { approveTestRequest } from '@/lib/approvals/testing/approve-test-request';
import type { Db } from '@/lib/db/client';
import { resolveDatabaseUrl, stopEmbeddedDatabase } from '@/lib/db/database-url';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase } from '@/lib/db/testing/test-database';
import type { ChangeKind } from '@/lib/domain/change-plan';
import { longestDependencyChain } from '@/lib/domain/critical-path';
import { stepDurations } from '@/lib/domain/run-timeline';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { executeRunbookWork } from '@/lib/runbooks/execute-runbook-work';
import type { StepRegistry } from '@/lib/runbooks/step-handler';
import { createStepRegistry } from '@/lib/runbooks/steps/create-step-registry';
import { labOptions, servingRegion } from '@/lib/runbooks/steps/lab-step-fixtures';
import { prepareLabBackups } from '@/lib/runbooks/testing/prepare-lab-backups';

const GOAL = 1.1;

type Measured = { run: number; totalSeconds: number; criticalSeconds: number; sumSeconds: number; ratio: number; chain: string[]; steps: Record<string, number> };

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** An approved request of this kind, executed in this process to its end; throws unless it succeeded. */
async function execute(db: Db, lab: ProbeLab, registry: StepRegistry, kind: ChangeKind): Promise<string> {
  const request = await approveTestRequest(db, lab.config, kind, `bench ${kind}`);
  const outcome = await executeRunbookWork(db, { requestId: request.id, runId: null }, registry);
  if (outcome.result?.state !== 'succeeded' || !outcome.runId) throw new Error(`${kind} ended ${JSON.stringify(outcome.result)}`);
  return outcome.runId;
}

/** Total = run end − run start; each step from its first attempt's start to its end. */
async function measure(db: Db, runId: string, run: number): Promise<Measured> {
  const record = await readRunbookRun(db, runId);
  if (!record?.finishedAt) throw new Error(`run ${runId} has not finished`);
  const steps = stepDurations(record.steps);
  const critical = longestDependencyChain(record.plan.steps, steps);
  const totalSeconds = (record.finishedAt.getTime() - record.startedAt.getTime()) / 1000;
  const sumSeconds = [...steps.values()].reduce((a, b) => a + b, 0);
  return { run, totalSeconds, criticalSeconds: critical.seconds, sumSeconds, ratio: totalSeconds / critical.seconds, chain: critical.stepIds, steps: Object.fromEntries(steps) };
}

function printTable(results: Measured[]): void {
  const row = (cells: string[]) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(8) : cell.padStart(12))).join(''));
  row(['run', 'total s', 'critical s', 'sum s', 'total/crit', 'goal']);
  for (const r of results) row([String(r.run), r.totalSeconds.toFixed(2), r.criticalSeconds.toFixed(2), r.sumSeconds.toFixed(2), r.ratio.toFixed(3), r.ratio <= GOAL ? 'PASS' : 'FAIL']);
  const m = { total: median(results.map((r) => r.totalSeconds)), critical: median(results.map((r) => r.criticalSeconds)), sum: median(results.map((r) => r.sumSeconds)), ratio: median(results.map((r) => r.ratio)) };
  row(['median', m.total.toFixed(2), m.critical.toFixed(2), m.sum.toFixed(2), m.ratio.toFixed(3), m.ratio <= GOAL ? 'PASS' : 'FAIL']);
}

async function main(): Promise<void> {
  const runs = Number(argument('runs', '5'));
  process.env.LIFEBOAT_TEST_SERVER_URL ??= (await resolveDatabaseUrl()).replace(/\/lifeboat$/, '/postgres');
  const [lab, target] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_bench')]);
  try {
    await prepareLabBackups(target.db, lab);
    const registry = createStepRegistry(target.db, lab.config, labOptions(lab));
    const results: Measured[] = [];
    for (let run = 1; run <= runs; run += 1) {
      if ((await servingRegion(lab)) !== '200 canadacentral') throw new Error(`run ${run}: the primary is not serving before the failover`);
      const measured = await measure(target.db, await execute(target.db, lab, registry, 'failover'), run);
      results.push(measured);
      console.log(`run ${run}: ${measured.totalSeconds.toFixed(2)} s; critical path ${measured.chain.join(' → ')}; steps ${Object.entries(measured.steps).map(([id, s]) => `${id} ${s.toFixed(2)}`).join(', ')}`);
      // The honest way back: an approved failback through the same engine (not measured).
      await execute(target.db, lab, registry, 'failback');
    }
    console.log(`\nlab failover, ${runs} runs (npm run bench:failover -- --runs ${runs}); goal: total ≤ ${GOAL} × critical path`);
    printTable(results);
    const out = { at: new Date().toISOString(), goal: GOAL, runs: results.map((r) => ({ ...r, totalSeconds: round(r.totalSeconds), criticalSeconds: round(r.criticalSeconds), sumSeconds: round(r.sumSeconds), ratio: round(r.ratio, 3) })) };
    fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join('bench', 'results', 'failover-critical-path.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await lab.stop();
    await target.drop();
    await stopEmbeddedDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
