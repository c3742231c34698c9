import { describe, expect, it } from 'vitest';
import { buildChangePlan } from './build-change-plan';
import { digestPlan } from './digest-plan';
import { ExpectedFailure } from './errors';
import { TEST_TOPOLOGY as TOPOLOGY } from './testing/plan-topology-fixture';


/** Every step after all it depends on, and no dependency on a step that does not exist. */
function assertDag(steps: { id: string; dependsOn: string[] }[]): void {
  const seen = new Set<string>();
  for (const step of steps) {
    for (const dependency of step.dependsOn) expect(seen.has(dependency), `${step.id} waits for ${dependency}`).toBe(true);
    seen.add(step.id);
  }
  expect(seen.size).toBe(steps.length);
}

describe('buildChangePlan', () => {
  it('a failover checks the secondary, then scales AKS and restores each collection and Redis in parallel, then switches the route, then validates', () => {
    const plan = buildChangePlan('failover', TOPOLOGY);
    expect(plan).toMatchObject({ kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast' });
    assertDag(plan.steps);
    expect(plan.steps.map((step) => [step.id, step.dependsOn])).toEqual([
      ['check-target', []],
      ['scale-aks', ['check-target']],
      ['restore-qdrant:documents', ['check-target']],
      ['restore-qdrant:faq', ['check-target']],
      ['restore-redis', ['check-target']],
      ['switch-front-door', ['scale-aks', 'restore-qdrant:documents', 'restore-qdrant:faq', 'restore-redis']],
      ['validate', ['switch-front-door']],
    ]);
    const route = plan.steps.find((step) => step.id === 'switch-front-door');
    expect(route?.title).toBe('Front Door route default-route: origin group og-canadacentral → og-canadaeast');
    expect(route?.params).toEqual({ route: 'default-route', fromOriginGroup: 'og-canadacentral', toOriginGroup: 'og-canadaeast' });
    expect(plan.steps.find((step) => step.id === 'scale-aks')?.title).toBe('AKS aks-e: node pool userpool → 6 nodes (production size)');
    expect(plan.steps.filter((step) => step.optional).map((step) => step.id)).toEqual(['restore-redis']);
  });

  it('a failback snapshots the secondary first, shifts traffic 10 → 50 → 100 %, validates, then shrinks the secondary back to standby', () => {
    const plan = buildChangePlan('failback', TOPOLOGY);
    expect(plan).toMatchObject({ fromRegion: 'canadaeast', toRegion: 'canadacentral' });
    assertDag(plan.steps);
    expect(plan.steps.find((step) => step.id === 'restore-qdrant:faq')?.dependsOn).toEqual(['snapshot-qdrant:faq']);
    const shifts = plan.steps.filter((step) => step.action === 'set-origin-weights');
    expect(shifts.map((step) => step.params.percentToTarget)).toEqual([10, 50, 100]);
    expect(shifts[1]?.dependsOn).toEqual(['shift-weight-10']);
    expect(plan.steps.at(-1)).toMatchObject({ id: 'scale-down-standby', params: { region: 'secondary', nodeCount: 2 }, dependsOn: ['validate'] });
  });

  it('a drill is a failover and then a failback, the failback starting once the failover is validated', () => {
    const plan = buildChangePlan('drill', TOPOLOGY);
    assertDag(plan.steps);
    expect(plan.steps.find((step) => step.id === 'failback/check-target')?.dependsOn).toEqual(['failover/validate']);
    expect(plan.steps.filter((step) => step.id.startsWith('failover/')).length).toBe(buildChangePlan('failover', TOPOLOGY).steps.length);
  });

  describe('a drill with an environment (the drill runbook)', () => {
    const LAB = { ...TOPOLOGY, labControlUrl: 'http://127.0.0.1:8090' };

    it('announces, simulates the primary\'s failure, fails over, ends the failure, then fails back', () => {
      const plan = buildChangePlan('drill', LAB, { environment: 'lab' });
      assertDag(plan.steps);
      expect(plan).toMatchObject({ kind: 'drill', fromRegion: 'canadacentral', toRegion: 'canadaeast' });
      const plain = buildChangePlan('drill', TOPOLOGY);
      expect(plan.steps.map((step) => step.id)).toEqual(['announce-drill', 'simulate-region-failure', ...plain.steps.filter((s) => s.id.startsWith('failover/')).map((s) => s.id), 'end-region-failure', ...plain.steps.filter((s) => s.id.startsWith('failback/')).map((s) => s.id)]);
      const byId = new Map(plan.steps.map((step) => [step.id, step]));
      expect(byId.get('simulate-region-failure')?.dependsOn).toEqual(['announce-drill']);
      expect(byId.get('failover/check-target')?.dependsOn).toEqual(['simulate-region-failure']);
      expect(byId.get('end-region-failure')?.dependsOn).toEqual(['failover/validate']);
      expect(byId.get('failback/check-target')?.dependsOn).toEqual(['end-region-failure']);
      expect(byId.get('simulate-region-failure')).toMatchObject({ action: 'simulate-region-failure', params: { environment: 'lab', method: 'lab-fault', fault: 'region-down', region: 'primary', controlUrl: 'http://127.0.0.1:8090' } });
      expect(byId.get('end-region-failure')).toMatchObject({ action: 'end-region-failure', params: { fault: 'region-up', region: 'primary' } });
    });

    it('a named environment disables and re-enables the primary origin through Front Door instead', () => {
      const plan = buildChangePlan('drill', TOPOLOGY, { environment: 'staging' });
      assertDag(plan.steps);
      expect(plan.steps.find((step) => step.id === 'simulate-region-failure')).toMatchObject({
        target: 'frontdoor/og-canadacentral/origin-canadacentral',
        params: { environment: 'staging', method: 'origin-state', enabledState: 'Disabled', originGroup: 'og-canadacentral', origin: 'origin-canadacentral' },
      });
      expect(plan.steps.find((step) => step.id === 'end-region-failure')?.params).toMatchObject({ enabledState: 'Enabled' });
      expect(digestPlan(plan)).not.toBe(digestPlan(buildChangePlan('drill', LAB, { environment: 'lab' })));
    });

    it('a lab drill without lab.controlUrl is refused; failover and failback plans ignore the environment', () => {
      expect(() => buildChangePlan('drill', TOPOLOGY, { environment: 'lab' })).toThrow(/lab\.controlUrl/);
      expect(buildChangePlan('failover', LAB, { environment: 'lab' })).toEqual(buildChangePlan('failover', TOPOLOGY));
      expect(buildChangePlan('failback', LAB, { environment: 'lab' })).toEqual(buildChangePlan('failback', TOPOLOGY));
    });
  });

  it('the digest is stable for the same topology and changes with any target or parameter', () => {
    const digest = digestPlan(buildChangePlan('failover', TOPOLOGY));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digestPlan(buildChangePlan('failover', structuredClone(TOPOLOGY)))).toBe(digest);
    expect(digestPlan(buildChangePlan('failover', { ...TOPOLOGY, aks: { ...TOPOLOGY.aks, secondary: { ...TOPOLOGY.aks.secondary, productionNodeCount: 8 } } }))).not.toBe(digest);
    expect(digestPlan(buildChangePlan('failback', TOPOLOGY))).not.toBe(digest);
  });

  describe('optional steps', () => {
    const openai = {
      secretName: 'openai-endpoint',
      deployment: 'text-embedding-3-small',
      endpoints: { primary: 'https://aoai-c.example', secondary: 'https://aoai-e.example' },
      vaults: { primary: 'https://kv-c.example', secondary: 'https://kv-e.example' },
    };
    const withOpenAi = { ...TOPOLOGY, openaiEndpointSwitch: openai };

    it('off by default: no OpenAI step, and a storage-failover request is refused as not enabled', () => {
      for (const kind of ['failover', 'failback', 'drill'] as const) expect(buildChangePlan(kind, TOPOLOGY).steps.some((step) => step.action === 'switch-openai-endpoint')).toBe(false);
      expect(() => buildChangePlan('storage-failover', TOPOLOGY)).toThrow(ExpectedFailure);
      expect(() => buildChangePlan('storage-failover', TOPOLOGY)).toThrow(/runbooks\.optionalSteps\.storageAccountFailover/);
    });

    it('the OpenAI endpoint switch runs after check-target, sets the target vault to the target endpoint, and the route switch waits for it', () => {
      const plan = buildChangePlan('failover', withOpenAi);
      assertDag(plan.steps);
      expect(plan.steps.map((step) => step.id).slice(0, 2)).toEqual(['check-target', 'switch-openai']);
      expect(plan.steps.find((step) => step.id === 'switch-openai')).toMatchObject({
        action: 'switch-openai-endpoint',
        target: 'keyvault/secondary/openai-endpoint',
        dependsOn: ['check-target'],
        params: { region: 'secondary', deployment: 'text-embedding-3-small', endpoint: 'https://aoai-e.example', fromEndpoint: 'https://aoai-c.example', vault: 'https://kv-e.example', secret: 'openai-endpoint' },
        optional: false,
      });
      expect(plan.steps.find((step) => step.id === 'switch-front-door')?.dependsOn).toContain('switch-openai');
      expect(digestPlan(plan)).not.toBe(digestPlan(buildChangePlan('failover', TOPOLOGY)));
    });

    it('a failback switches back to the primary before its first traffic stage; a drill switches out and back', () => {
      const failback = buildChangePlan('failback', withOpenAi);
      assertDag(failback.steps);
      expect(failback.steps.find((step) => step.id === 'switch-openai')?.params).toMatchObject({ region: 'primary', endpoint: 'https://aoai-c.example', vault: 'https://kv-c.example' });
      expect(failback.steps.find((step) => step.id === 'shift-weight-10')?.dependsOn).toContain('switch-openai');
      expect(failback.steps.find((step) => step.id === 'shift-weight-50')?.dependsOn).toEqual(['shift-weight-10']);

      const drill = buildChangePlan('drill', withOpenAi);
      assertDag(drill.steps);
      const switches = drill.steps.filter((step) => step.action === 'switch-openai-endpoint');
      expect(switches.map((step) => [step.id, step.params.endpoint, step.dependsOn])).toEqual([
        ['failover/switch-openai', 'https://aoai-e.example', ['failover/check-target']],
        ['failback/switch-openai', 'https://aoai-c.example', ['failback/check-target']],
      ]);
    });

    it('a storage-failover request is one customer-initiated account failover to the secondary, in the plan\'s words', () => {
      const plan = buildChangePlan('storage-failover', { ...TOPOLOGY, storageFailover: { accountName: 'stragprod', resourceGroup: 'rg-rag-canadacentral' } });
      expect(plan).toMatchObject({ kind: 'storage-failover', fromRegion: 'canadacentral', toRegion: 'canadaeast' });
      expect(plan.steps).toHaveLength(1);
      const [step] = plan.steps;
      expect(step).toMatchObject({
        id: 'failover-storage',
        action: 'failover-storage-account',
        target: 'storage/rg-rag-canadacentral/stragprod',
        params: { resourceGroup: 'rg-rag-canadacentral', account: 'stragprod', fromRegion: 'canadacentral', toRegion: 'canadaeast' },
        dependsOn: [],
        optional: false,
      });
      expect(step?.title).toContain('customer-initiated account failover canadacentral → canadaeast');
      expect(step?.title).toContain('becomes the primary');
      expect(step?.title).toContain('are lost');
      expect(step?.title).toContain('Last Sync Time');
    });
  });
});
