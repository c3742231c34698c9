import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { checkHealth } from './check-health';
import { labContext, labOptions, labStep } from './lab-step-fixtures';

let lab: ProbeLab;
beforeAll(async () => {
  lab = await startProbeLab();
}, 120_000);
afterAll(async () => lab?.stop());

describe('check-health against the lab', () => {
  const step = labStep('check-target', 'check-health', { region: 'secondary' });

  it('passes for a healthy secondary: app, Qdrant ready, AKS pool Running', async () => {
    const output = await checkHealth(lab.config, labOptions(lab)).execute(labContext(step));
    expect(output).toMatchObject({ region: 'canadaeast', app: 'ok', qdrant: 'ready', aks: { powerState: 'Running', nodeCount: 3 } });
  }, 30_000);

  it('fails naming each unhealthy part when the region is down, and stays repeatable (check() not-done)', async () => {
    const handler = checkHealth(lab.config, labOptions(lab));
    await Promise.all([lab.lab.apps.secondary.setDown(true), lab.lab.qdrant.secondary.setDown(true)]);
    try {
      const failure = await handler.execute(labContext(step)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/^canadaeast is not healthy enough to serve: app .*\/health failed: .*; Qdrant .*\/readyz failed: /);
      expect((failure as Error).message).not.toMatch(/AKS/);
      expect(await handler.check?.(labContext(step))).toBe('not-done');
    } finally {
      await Promise.all([lab.lab.apps.secondary.setDown(false), lab.lab.qdrant.secondary.setDown(false)]);
    }
  }, 30_000);

  it('describes its three reads and no change', () => {
    const text = checkHealth(lab.config, labOptions(lab)).describe(labContext(step));
    expect(text).toContain(lab.config.components.aks.secondary.healthUrl);
    expect(text).toContain(`${lab.config.components.qdrant.secondary.url}/readyz`);
    expect(text).toContain('no changes');
  });
});
