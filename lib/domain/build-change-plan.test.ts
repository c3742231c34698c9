import { describe, expect, it } from 'vitest';
import { buildChangePlan } from './build-change-plan';
import { digestPlan } from './digest-plan';
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

  it('the digest is stable for the same topology and changes with any target or parameter', () => {
    const digest = digestPlan(buildChangePlan('failover', TOPOLOGY));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digestPlan(buildChangePlan('failover', structuredClone(TOPOLOGY)))).toBe(digest);
    expect(digestPlan(buildChangePlan('failover', { ...TOPOLOGY, aks: { ...TOPOLOGY.aks, secondary: { ...TOPOLOGY.aks.secondary, productionNodeCount: 8 } } }))).not.toBe(digest);
    expect(digestPlan(buildChangePlan('failback', TOPOLOGY))).not.toBe(digest);
  });
});
