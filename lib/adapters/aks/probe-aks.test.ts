import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestArm, type TestArm } from '@/lab/arm/testing/start-test-arm';
import { labAwareCredential } from '../azure/lab-aware-credential';
import { probeAks, type AksProbeSettings } from './probe-aks';

let lab: TestArm;
beforeAll(async () => {
  lab = await startTestArm();
});
afterAll(async () => {
  await lab?.cleanup();
});

const settings = (region: 'primary' | 'secondary'): AksProbeSettings => ({
  region,
  armEndpoint: lab.arm.url,
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: `rg-rag-${region === 'primary' ? 'canadacentral' : 'canadaeast'}`,
  cluster: `aks-rag-${region === 'primary' ? 'canadacentral' : 'canadaeast'}`,
  nodePool: 'userpool',
  credential: labAwareCredential({ staticTokenForLab: true }),
});

describe('probeAks against the ARM emulator (@azure/arm-containerservice)', () => {
  it('reads node count, power state and provisioning state per region', async () => {
    const [primary, secondary] = await Promise.all([probeAks(settings('primary'), { caPem: lab.ca }), probeAks(settings('secondary'), { caPem: lab.ca })]);
    expect(primary).toMatchObject({ component: 'aks', region: 'primary', target: 'aks-rag-canadacentral/userpool', ok: true, metrics: { nodeCount: 6, powerState: 'Running', provisioningState: 'Succeeded' } });
    expect(secondary.metrics).toEqual({ nodeCount: 3, powerState: 'Running', provisioningState: 'Succeeded' });
  });

  it('reports ARM errors, a non-lab credential, latency beyond the deadline and a refused connection', async () => {
    const missing = await probeAks({ ...settings('primary'), nodePool: 'nosuchpool' }, { caPem: lab.ca });
    expect(missing.ok).toBe(false);
    expect(missing.error).toMatch(/nosuchpool|not found/i);

    expect(() => labAwareCredential({ staticTokenForLab: false })).toThrow(/configure Azure credentials/);

    lab.arm.setLatency(1_000);
    try {
      expect(await probeAks(settings('primary'), { caPem: lab.ca, timeoutMs: 300 })).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
    } finally {
      lab.arm.setLatency(0);
    }
    await lab.arm.setDown(true);
    try {
      const down = await probeAks(settings('primary'), { caPem: lab.ca });
      expect(down).toMatchObject({ ok: false, metrics: null });
      expect(down.error).toMatch(/ECONNREFUSED/);
    } finally {
      await lab.arm.setDown(false);
    }
  });
});
