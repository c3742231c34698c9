import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { labContext, labOptions, labStep } from './lab-step-fixtures';
import { switchRoute } from './switch-route';
import { validateServing } from './validate-serving';

let lab: ProbeLab;
beforeAll(async () => {
  lab = await startProbeLab();
}, 120_000);
afterAll(async () => lab?.stop());

const validateStep = (region: string) => labStep('validate', 'validate-serving', { url: lab.config.components.frontDoor.publicUrl, expectRegion: region });

describe('validate-serving through the lab Front Door', () => {
  it('fails while Front Door still serves the other region, naming it', async () => {
    const handler = validateServing(lab.config, labOptions(lab, { validateDeadlineMs: 500, pollIntervalMs: 100 }));
    await expect(handler.execute(labContext(validateStep('canadaeast')))).rejects.toThrow(/not serving from canadaeast .*GET \/health answered from canadacentral/);
  }, 30_000);

  it('passes after the switch: health from the secondary, ingest, query back, auth', async () => {
    const fd = lab.config.components.frontDoor;
    await switchRoute(lab.config, labOptions(lab)).execute(labContext(labStep('switch', 'switch-route', { route: fd.route, fromOriginGroup: fd.originGroups.primary, toOriginGroup: fd.originGroups.secondary })));
    const output = await validateServing(lab.config, labOptions(lab)).execute(labContext(validateStep('canadaeast')));
    expect(output).toMatchObject({ healthRegion: 'canadaeast', ingested: 'lifeboat-smoke-run-test-validate', queryTopHit: 'lifeboat-smoke-run-test-validate', authUser: 'lifeboat-smoke' });
  }, 60_000);

  it('fails with the reason while the target app is down', async () => {
    const handler = validateServing(lab.config, labOptions(lab, { validateDeadlineMs: 1_000, pollIntervalMs: 200 }));
    await lab.lab.apps.secondary.setDown(true);
    try {
      await expect(handler.execute(labContext(validateStep('canadaeast')))).rejects.toThrow(/not serving from canadaeast .*GET \/health answered 50[23]/);
    } finally {
      await lab.lab.apps.secondary.setDown(false);
    }
  }, 30_000);
});
