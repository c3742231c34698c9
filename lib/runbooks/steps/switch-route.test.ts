import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunbookRun } from '@/lib/db/runbooks/create-runbook-run';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { runRunbook } from '../run-runbook';
import type { StepHandler, StepRegistry } from '../step-handler';
import { armOperations, labContext, labOptions, labStep, servingRegion } from './lab-step-fixtures';
import { switchRoute } from './switch-route';

let lab: ProbeLab;
let test: TestDatabase;
beforeAll(async () => {
  [lab, test] = await Promise.all([startProbeLab(), createTestDatabase('lifeboat_steps_route')]);
}, 120_000);
afterAll(async () => Promise.all([lab?.stop(), test?.drop()]));

const routeOps = async () => (await armOperations(lab)).filter((op) => op.target.kind === 'afd' && op.target.key.endsWith(`/${lab.config.components.frontDoor.route}`)).length;

describe('switch-route against the lab ARM emulator and Front Door proxy', () => {
  it('moves the route to the secondary group: the proxy serves the secondary, check() is done, a repeat writes nothing', async () => {
    const fd = lab.config.components.frontDoor;
    const step = labStep('switch', 'switch-route', { route: fd.route, fromOriginGroup: fd.originGroups.primary, toOriginGroup: fd.originGroups.secondary });
    const handler = switchRoute(lab.config, labOptions(lab));
    expect(await servingRegion(lab)).toBe('200 canadacentral');
    expect(await handler.check?.(labContext(step))).toBe('not-done');
    expect(handler.describe(labContext(step))).toContain(`routes.beginCreateAndWait(${fd.resourceGroup}, ${fd.profile}, ${fd.endpoint}, ${fd.route}`);

    const output = await handler.execute(labContext(step));
    expect(output).toMatchObject({ before: fd.originGroups.primary, after: fd.originGroups.secondary, written: true });
    expect(await servingRegion(lab)).toBe('200 canadaeast');
    expect(await handler.check?.(labContext(step))).toBe('done');

    const writes = await routeOps();
    expect(await handler.execute(labContext(step, 2))).toMatchObject({ written: false, after: fd.originGroups.secondary });
    expect(await routeOps()).toBe(writes);
  }, 60_000);

  it('rides out an ARM 429 then a 500 through the engine retries and switches once', async () => {
    const fd = lab.config.components.frontDoor;
    const step = labStep('switch-back', 'switch-route', { route: fd.route, fromOriginGroup: fd.originGroups.secondary, toOriginGroup: fd.originGroups.primary });
    const real = switchRoute(lab.config, labOptions(lab));
    let checks = 0;
    // The 500 is armed after the engine's re-check, so it hits the second attempt itself.
    const handler: StepHandler = {
      ...real,
      check: async (ctx) => {
        const verdict = await real.check!(ctx);
        checks += 1;
        if (checks === 1) lab.lab.arm.failNextCalls(1, 500);
        return verdict;
      },
    };
    const registry = { 'switch-route': handler } as unknown as StepRegistry;
    const runId = await createRunbookRun(test.db, { requestId: null, plan: { kind: 'failback', fromRegion: 'canadaeast', toRegion: 'canadacentral', steps: [step] }, planDigest: 'sha256:test', dryRun: false });
    const writes = await routeOps();
    lab.lab.arm.failNextCalls(1, 429);

    const result = await runRunbook(test.db, runId, registry, { pollMs: 20, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    expect(result).toMatchObject({ state: 'succeeded' });
    const record = (await readRunbookRun(test.db, runId))?.steps[0];
    expect(record).toMatchObject({ state: 'succeeded', attempt: 3 });
    expect(record?.output).toMatchObject({ after: fd.originGroups.primary, written: true });
    expect(await routeOps()).toBe(writes + 1);
    expect(await servingRegion(lab)).toBe('200 canadacentral');
  }, 60_000);

  it('dry run: describes the call and changes nothing', async () => {
    const fd = lab.config.components.frontDoor;
    const step = labStep('switch-dry', 'switch-route', { route: fd.route, fromOriginGroup: fd.originGroups.primary, toOriginGroup: fd.originGroups.secondary });
    const runId = await createRunbookRun(test.db, { requestId: null, plan: { kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', steps: [step] }, planDigest: 'sha256:test', dryRun: true });
    const writes = await routeOps();
    await runRunbook(test.db, runId, { 'switch-route': switchRoute(lab.config, labOptions(lab)) } as unknown as StepRegistry, { pollMs: 20 });
    const record = (await readRunbookRun(test.db, runId))?.steps[0];
    expect(record?.output).toMatchObject({ dryRun: true, wouldDo: expect.stringContaining(`originGroup: { id: <${fd.originGroups.secondary} id> }`) });
    expect(await routeOps()).toBe(writes);
    expect(await servingRegion(lab)).toBe('200 canadacentral');
  }, 30_000);
});
