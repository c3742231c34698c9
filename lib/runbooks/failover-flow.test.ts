import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveTestRequest } from '@/lib/approvals/testing/approve-test-request';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { applyFault } from '@/lab/supervisor/apply-fault';
import { executeRunbookWork } from './execute-runbook-work';
import { labOptions, servingRegion } from './steps/lab-step-fixtures';
import { createStepRegistry } from './steps/create-step-registry';
import { prepareLabBackups } from './testing/prepare-lab-backups';

let lab: ProbeLab;
let database: TestDatabase;

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase()]);
  await prepareLabBackups(database.db, lab);
}, 180_000);

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

const registry = () => createStepRegistry(database.db, lab.config, labOptions(lab));

describe('failover and failback of an approved request against the lab', () => {
  it('region down → two approvals → failover: Front Door serves the secondary, smoke checks pass, RTO and RPO recorded', async () => {
    expect(await servingRegion(lab)).toBe('200 canadacentral');
    await applyFault(lab.lab, { name: 'region-down', args: ['primary'] });
    const request = await approveTestRequest(database.db, lab.config, 'failover', 'primary region down');

    const outcome = await executeRunbookWork(database.db, { requestId: request.id, runId: null }, registry());
    expect(outcome.result).toMatchObject({ state: 'succeeded', error: null });
    expect(outcome.requestState).toBe('done');
    expect(await servingRegion(lab)).toBe('200 canadaeast');

    const run = await database.db.runbookRun.findUniqueOrThrow({ where: { id: outcome.runId ?? '' } });
    expect(run.rtoSeconds).toBeGreaterThanOrEqual(0);
    expect(run.rpoSeconds).toBeGreaterThanOrEqual(0);
    expect(run.servingAt?.getTime()).toBeGreaterThan(run.declaredAt?.getTime() ?? Infinity);
    const record = await readRunbookRun(database.db, run.id);
    const steps = record?.steps ?? [];
    expect(record?.plan.steps.map((step) => step.id)).toEqual(expect.arrayContaining(['check-target', 'scale-aks', 'switch-front-door', 'validate']));
    expect(steps.map((step) => `${step.stepId} ${step.state}`)).toEqual(record?.plan.steps.map((step) => `${step.id} succeeded`));
    expect(steps.find((step) => step.stepId === 'validate')?.output).toMatchObject({ healthRegion: 'canadaeast', authUser: 'lifeboat-smoke' });
    // RPO: the failure (declared here: no probes ran) minus the oldest restored snapshot or backup.
    expect(run.dataAsOf?.getTime()).toBeLessThanOrEqual(run.declaredAt?.getTime() ?? 0);
    expect((await readChangeRequest(database.db, request.id))?.state).toBe('done');
    const audit = await database.db.auditEvent.findMany({ where: { targetId: run.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual(['runbook.started', 'runbook.finished']);
  }, 240_000);

  it('failback with the staged shift, soaking as the plan says, ends on the primary with the secondary back at standby size', async () => {
    const { frontDoor: fd, aks } = lab.config.components;
    await applyFault(lab.lab, { name: 'region-up', args: ['primary'] });
    lab.lab.arm.clearRequests();
    const request = await approveTestRequest(database.db, lab.config, 'failback', 'primary healthy again');
    // No soak override: each stage's gate follows the plan's runbooks.failback.soakSeconds (a few seconds in config/lab.yaml).
    const outcome = await executeRunbookWork(database.db, { requestId: request.id, runId: null }, createStepRegistry(database.db, lab.config, labOptions(lab, { soak: undefined })));
    expect(outcome.result).toMatchObject({ state: 'succeeded' });
    expect(await servingRegion(lab)).toBe('200 canadacentral');
    const record = await readRunbookRun(database.db, outcome.runId ?? '');
    const steps = record?.steps ?? [];
    expect(steps.map((step) => `${step.stepId} ${step.state}`)).toEqual(record?.plan.steps.map((step) => `${step.id} succeeded`));
    const stages = steps.filter((step) => step.action === 'set-origin-weights');
    const soak = { samples: lab.config.runbooks.failback.soakSeconds, intervalMs: 1_000 };
    expect(stages.map((step) => [step.stepId, step.state, step.output?.percentToTarget, step.output?.soak])).toEqual([
      ['shift-weight-10', 'succeeded', 10, soak],
      ['shift-weight-50', 'succeeded', 50, soak],
      ['shift-weight-100', 'succeeded', 100, soak],
    ]);
    // Finished stages were started in order, each after the previous one ended.
    for (let i = 1; i < stages.length; i += 1) expect(stages[i]?.startedAt?.getTime()).toBeGreaterThanOrEqual(stages[i - 1]?.finishedAt?.getTime() ?? Infinity);
    expect(steps.find((step) => step.stepId === 'scale-down-standby')).toMatchObject({ state: 'succeeded', output: { to: aks.secondary.standbyNodeCount } });
    // The failback's own ARM writes: per stage both origins re-weighted (in parallel, so either order) before the first stage moves the route; then the secondary pool shrinks.
    const writes = lab.lab.arm.requests().filter((entry) => ['PUT', 'PATCH', 'DELETE'].includes(entry.method));
    expect(writes.every((entry) => entry.status >= 200 && entry.status < 300)).toBe(true);
    const named = writes.map((entry) => `${entry.method} ${entry.path.replace(/^.*\/providers\/[^/]+\//, '')}`);
    const originsPath = `profiles/${fd.profile}/originGroups/${fd.originGroups.primary}/origins`;
    const bothOrigins = [`PATCH ${originsPath}/${fd.origins.primary.name}`, `PATCH ${originsPath}/${fd.origins.secondary.name}`].sort();
    expect([named.slice(0, 2).sort(), named[2], named.slice(3, 5).sort(), named.slice(5, 7).sort(), named.slice(7)]).toEqual([
      bothOrigins,
      `PUT profiles/${fd.profile}/afdEndpoints/${fd.endpoint}/routes/${fd.route}`,
      bothOrigins,
      bothOrigins,
      [`PUT managedClusters/${aks.secondary.cluster}/agentPools/${aks.secondary.nodePool}`],
    ]);
  }, 240_000);
});
