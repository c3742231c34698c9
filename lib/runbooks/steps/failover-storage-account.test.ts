import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { failoverStorageAccount } from './failover-storage-account';
import { labContext, labOptions, labStep } from './lab-step-fixtures';

let lab: ProbeLab;
beforeAll(async () => {
  lab = await startProbeLab();
}, 120_000);
afterAll(async () => lab?.stop());

describe('failover-storage-account against the lab ARM emulator', () => {
  it('fails the Blob account over to the secondary through @azure/arm-storage; check() is done and a repeat posts nothing', async () => {
    const blob = lab.config.components.blob;
    const step = labStep('failover-storage', 'failover-storage-account', { resourceGroup: blob.resourceGroup ?? '', account: blob.accountName, fromRegion: 'canadacentral', toRegion: 'canadaeast' });
    const handler = failoverStorageAccount(lab.config, labOptions(lab));
    expect(await handler.check?.(labContext(step))).toBe('not-done');
    expect(handler.describe(labContext(step))).toContain(`storageAccounts.beginFailoverAndWait(${blob.resourceGroup}, ${blob.accountName})`);

    const output = await handler.execute(labContext(step));
    expect(output).toMatchObject({
      account: blob.accountName,
      before: { primaryLocation: 'canadacentral', secondaryLocation: 'canadaeast' },
      after: { primaryLocation: 'canadaeast', secondaryLocation: 'canadacentral' },
      lastGeoFailoverTime: expect.stringMatching(/^\d{4}-/),
      written: true,
    });
    expect(await handler.check?.(labContext(step))).toBe('done');
    expect(await handler.execute(labContext(step, 2))).toMatchObject({ written: false, after: { primaryLocation: 'canadaeast' } });
  }, 60_000);
});
