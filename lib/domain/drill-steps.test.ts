import { describe, expect, it } from 'vitest';
import { drillSteps } from './drill-steps';
import { TEST_TOPOLOGY } from './testing/plan-topology-fixture';

describe('drillSteps', () => {
  it('names the Front Door profile, origin group and origin a named environment disables and re-enables', () => {
    const { simulate, end } = drillSteps(TEST_TOPOLOGY, 'staging');
    expect(simulate.title).toBe('Simulate the loss of canadacentral in staging: Front Door profile afd-rag, origin group og-canadacentral, origin origin-canadacentral → Disabled (the configured primary origin stops serving)');
    expect(end.title).toBe('End the simulated failure in staging: Front Door profile afd-rag, origin group og-canadacentral, origin origin-canadacentral → Enabled again');
    expect(simulate.params).toMatchObject({ method: 'origin-state', enabledState: 'Disabled', profile: 'afd-rag', originGroup: 'og-canadacentral', origin: 'origin-canadacentral' });
  });

  it('treats `Lab` in any case as the lab, never as an environment whose origin is disabled', () => {
    const lab = { ...TEST_TOPOLOGY, labControlUrl: 'http://127.0.0.1:8090' };
    for (const environment of ['lab', 'Lab', 'LAB']) expect(drillSteps(lab, environment).simulate.params).toMatchObject({ method: 'lab-fault', fault: 'region-down' });
    expect(() => drillSteps(TEST_TOPOLOGY, 'LAB')).toThrow(/lab\.controlUrl/);
  });
});
