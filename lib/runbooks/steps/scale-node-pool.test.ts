import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { armOperations, labContext, labOptions, labStep } from './lab-step-fixtures';
import { scaleNodePool } from './scale-node-pool';

let lab: ProbeLab;
beforeAll(async () => {
  lab = await startProbeLab();
}, 120_000);
afterAll(async () => lab?.stop());

describe('scale-node-pool against the lab ARM emulator', () => {
  it('scales the secondary pool 3 → 6, then check() is done and a repeat writes nothing', async () => {
    const aks = lab.config.components.aks.secondary;
    const step = labStep('scale-aks', 'scale-node-pool', { region: 'secondary', cluster: aks.cluster, nodePool: aks.nodePool, nodeCount: 6 });
    const handler = scaleNodePool(lab.config, labOptions(lab));
    const ctx = labContext(step);

    expect(handler.describe(ctx)).toContain(`agentPools.beginCreateOrUpdateAndWait(${aks.resourceGroup}, ${aks.cluster}, ${aks.nodePool}, { ...current, count: 6 })`);
    expect(await handler.check?.(ctx)).toBe('not-done');
    const output = await handler.execute(ctx);
    expect(output).toMatchObject({ from: 3, to: 6, written: true });
    expect(await handler.check?.(ctx)).toBe('done');

    const before = (await armOperations(lab)).length;
    expect(await handler.execute(labContext(step, 2))).toMatchObject({ from: 6, to: 6, written: false });
    expect((await armOperations(lab)).length).toBe(before);
  }, 60_000);

  it("counts failback's monitoring window from the step's first start, then scales only while the primary still serves", async () => {
    const aks = lab.config.components.aks.secondary;
    const fd = lab.config.components.frontDoor;
    const primary = lab.config.regions.primary.name;
    const shrink = (servingRegion: string) => labStep('scale-down-standby', 'scale-node-pool', { region: 'secondary', cluster: aks.cluster, nodePool: aks.nodePool, nodeCount: 2, afterMonitoringMinutes: 10, servingUrl: fd.publicUrl, servingRegion });
    const handler = scaleNodePool(lab.config, labOptions(lab));
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
    const countNow = async () => (await handler.check?.(labContext(shrink(primary)))) ?? 'not-done';

    // A resumed step whose window has passed: no new 10-minute wait (the test's 60 s would run out).
    await expect(handler.execute(labContext(shrink('nowhere'), 2, elevenMinutesAgo))).rejects.toThrow(/not scaled down: after the monitoring window .* does not serve from nowhere/);
    expect(await countNow()).toBe('not-done');
    expect(await handler.execute(labContext(shrink(primary), 3, elevenMinutesAgo))).toMatchObject({ to: 2, written: true });
    expect(await countNow()).toBe('done');
  }, 60_000);

  it('refuses a step without a node count, naming the parameter', async () => {
    const aks = lab.config.components.aks.secondary;
    const step = labStep('scale-aks', 'scale-node-pool', { region: 'secondary', cluster: aks.cluster, nodePool: aks.nodePool });
    await expect(scaleNodePool(lab.config, labOptions(lab)).execute(labContext(step))).rejects.toThrow(/nodeCount/);
  });
});
