import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveTestRequest } from '@/lib/approvals/testing/approve-test-request';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { applyFault, healLab } from '@/lab/supervisor/apply-fault';
import { servingRegion } from './steps/lab-step-fixtures';
import { armWritesTo } from './testing/count-arm-writes';
import { prepareLabBackups } from './testing/prepare-lab-backups';
import { spawnLabWorker, type LabWorkerProcess } from './testing/spawn-lab-worker';
import { writeQuietWorkerConfig } from './testing/write-quiet-worker-config';

// A short lease and election interval: a killed worker's run is taken over within seconds.
const LEASE_MS = 2_000;
const INTERVAL_MS = 250;
const POLL_MS = 50;
const FAILOVER_STEPS = ['check-target', 'scale-aks', 'restore-qdrant:documents', 'restore-redis', 'switch-front-door', 'validate'];

let lab: ProbeLab;
let database: TestDatabase;
let workerConfig: { file: string; remove(): Promise<void> };
const workers: LabWorkerProcess[] = [];

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_crash')]);
  await prepareLabBackups(database.db, lab);
  workerConfig = await writeQuietWorkerConfig(process.env.LIFEBOAT_CONFIG ?? 'config/lab.yaml');
}, 180_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
  await workerConfig?.remove();
  await lab?.stop();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(): LabWorkerProcess {
  const worker = spawnLabWorker({ databaseUrl: database.url, configFile: workerConfig.file, caFile: lab.lab.tls.certPath, leaseMs: LEASE_MS, intervalMs: INTERVAL_MS });
  workers.push(worker);
  return worker;
}

const outputOf = () => workers.map((worker, i) => `--- worker ${i + 1}\n${worker.output.join('\n')}`).join('\n');

describe('a failover whose worker is SIGKILLed in the middle of each step', () => {
  it('is resumed by the next worker to the end, and no ARM side effect is applied twice', { timeout: 420_000 }, async () => {
    const { aks, frontDoor } = lab.config.components;
    const routePath = `/afdEndpoints/${frontDoor.endpoint}/routes/${frontDoor.route}`;
    const poolPath = `/managedClusters/${aks.secondary.cluster}/agentPools/${aks.secondary.nodePool}`;
    expect(await servingRegion(lab)).toBe('200 canadacentral');
    // Slow enough to be caught mid-flight: the health check and validation wait on the secondary app,
    // the restores on Blob and the secondary Qdrant; the AKS scale (3 nodes × 2 s) and the route LRO are slow already.
    await applyFault(lab.lab, { name: 'latency', args: ['app', '1500', 'secondary'] });
    await applyFault(lab.lab, { name: 'latency', args: ['qdrant', '800', 'secondary'] });
    await applyFault(lab.lab, { name: 'latency', args: ['blob', '800'] });
    lab.lab.arm.clearRequests();

    const request = await approveTestRequest(database.db, lab.config, 'failover', 'crash test');
    // An ARM step counts as killed mid-flight only once its write was accepted: the resume must find it in progress.
    const inFlight: Record<string, () => boolean> = {
      'scale-aks': () => armWritesTo(lab.lab.arm.requests(), poolPath).accepted.length > 0,
      'switch-front-door': () => armWritesTo(lab.lab.arm.requests(), routePath).accepted.length > 0,
    };
    const killedIn = new Set<string>();
    const kills: string[] = [];
    let worker = startWorker();
    const deadline = Date.now() + 360_000;
    let runId: string | undefined;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the run did not finish in time; killed in ${[...killedIn].join(', ')}\n${outputOf()}`);
      const run = await database.db.runbookRun.findFirst({ where: { requestId: request.id }, include: { steps: true } });
      runId = run?.id;
      if (run && run.state !== 'running' && (await readChangeRequest(database.db, request.id))?.state !== 'executing') break;
      const caught = (run?.steps ?? []).filter((step) => step.state === 'running' && !killedIn.has(step.stepId) && (inFlight[step.stepId]?.() ?? true)).map((step) => step.stepId);
      if (caught.length > 0) {
        await worker.kill();
        caught.forEach((stepId) => killedIn.add(stepId));
        kills.push(`worker ${workers.length} killed during ${caught.join(' + ')}`);
        worker = startWorker();
      }
      await sleep(POLL_MS);
    }
    await healLab(lab.lab);
    console.log(`${kills.join('\n')}\nworker ${workers.length} finished the run`);

    const run = await readRunbookRun(database.db, runId ?? '');
    console.log((run?.steps ?? []).map((step) => `${step.stepId}: attempt ${step.attempt}, output ${JSON.stringify(step.output)}`).join('\n'));
    expect(run?.plan.steps.map((step) => step.id)).toEqual(FAILOVER_STEPS);
    expect([...killedIn].sort(), kills.join('\n')).toEqual([...FAILOVER_STEPS].sort());
    expect(run?.state, `${run?.error ?? ''}\n${outputOf()}`).toBe('succeeded');
    expect(run?.steps.map((step) => `${step.stepId} ${step.state}`)).toEqual(FAILOVER_STEPS.map((stepId) => `${stepId} succeeded`));
    expect((await readChangeRequest(database.db, request.id))?.state).toBe('done');
    expect(await servingRegion(lab)).toBe('200 canadaeast');

    // The ARM request log: one write moved the route, one scaled the secondary pool; nothing was written again.
    const log = lab.lab.arm.requests();
    const route = armWritesTo(log, routePath);
    const pool = armWritesTo(log, poolPath);
    expect(route.all.map((entry) => `${entry.method} ${entry.status}`)).toEqual([expect.stringMatching(/^PUT 20[01]$/)]);
    expect(pool.all.map((entry) => `${entry.method} ${entry.status}`)).toEqual([expect.stringMatching(/^PUT 20[01]$/)]);
    expect(lab.lab.arm.frontDoor.activeOriginGroup()?.name).toBe(frontDoor.originGroups.secondary);
  });
});
