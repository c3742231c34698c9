import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { labContext, labOptions, labStep, servingRegion } from './lab-step-fixtures';
import { originWeightsFor } from './origin-weights-for';
import { setOriginWeights } from './set-origin-weights';
import { switchRoute } from './switch-route';

let lab: ProbeLab;
beforeAll(async () => {
  lab = await startProbeLab();
  // Start where a failover leaves Front Door: the route on the secondary group.
  const fd = lab.config.components.frontDoor;
  const step = labStep('switch', 'switch-route', { route: fd.route, fromOriginGroup: fd.originGroups.primary, toOriginGroup: fd.originGroups.secondary });
  await switchRoute(lab.config, labOptions(lab)).execute(labContext(step));
}, 120_000);
afterAll(async () => lab?.stop());

const stageStep = (percent: number) => {
  const fd = lab.config.components.frontDoor;
  return labStep(`shift-weight-${percent}`, 'set-origin-weights', { route: fd.route, toOrigin: fd.origins.primary.name, fromOrigin: fd.origins.secondary.name, percentToTarget: percent, toOriginGroup: fd.originGroups.primary });
};

/** How many of `n` requests through the public URL each region answered. */
async function split(n: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i += 1) {
    const answer = await servingRegion(lab);
    counts[answer] = (counts[answer] ?? 0) + 1;
  }
  return counts;
}

describe('originWeightsFor', () => {
  it('splits by weight at one priority below 100 %, and restores primary-first priorities at 100 %', () => {
    expect(originWeightsFor(10)).toMatchObject({ target: { priority: 1, weight: 100 }, source: { priority: 1, weight: 900 } });
    expect(originWeightsFor(50)).toMatchObject({ target: { priority: 1, weight: 500 }, source: { priority: 1, weight: 500 } });
    expect(originWeightsFor(100)).toMatchObject({ target: { priority: 1, weight: 1000 }, source: { priority: 2, weight: 1000 } });
    expect(() => originWeightsFor(0)).toThrow(/1 to 100/);
  });
});

describe('set-origin-weights: the failback shift against the lab', () => {
  it('10 → 50 → 100 %: ARM weights change and the proxy shifts traffic in proportion; each stage check() is done after', async () => {
    expect(await servingRegion(lab)).toBe('200 canadaeast');
    const handler = setOriginWeights(lab.config, labOptions(lab));
    const served: Record<number, Record<string, number>> = {};
    for (const percent of [10, 50, 100]) {
      const ctx = labContext(stageStep(percent));
      expect(await handler.check?.(ctx)).toBe('not-done');
      const output = await handler.execute(ctx);
      expect(output).toMatchObject({ percentToTarget: percent, after: originWeightsFor(percent), gate: { samples: 3, targetHealthy: 3, frontDoorErrors: 0 } });
      expect(await handler.check?.(ctx)).toBe('done');
      served[percent] = await split(100);
    }
    // The lab proxy's smooth weighted round robin is exact; the bounds allow for its phase.
    expect(served[10]?.['200 canadacentral']).toBeGreaterThanOrEqual(5);
    expect(served[10]?.['200 canadacentral']).toBeLessThanOrEqual(15);
    expect(served[50]?.['200 canadacentral']).toBeGreaterThanOrEqual(40);
    expect(served[50]?.['200 canadacentral']).toBeLessThanOrEqual(60);
    expect(served[100]).toEqual({ '200 canadacentral': 100 });
  }, 120_000);

  it('a repeated stage writes nothing', async () => {
    const output = await setOriginWeights(lab.config, labOptions(lab)).execute(labContext(stageStep(100), 2));
    expect(output).toMatchObject({ originsWritten: 0, route: { written: false } });
  }, 60_000);

  it('fails the health gate, naming the target, when the target origin is down', async () => {
    const handler = setOriginWeights(lab.config, labOptions(lab));
    const ctx = labContext(stageStep(50));
    await lab.lab.apps.primary.setDown(true);
    try {
      await expect(handler.execute(ctx)).rejects.toThrow(/health gate failed at 50 % to origin-canadacentral: 0\/3 target probes healthy/);
      expect(await handler.check?.(ctx)).toBe('not-done');
    } finally {
      await lab.lab.apps.primary.setDown(false);
    }
  }, 60_000);
});
