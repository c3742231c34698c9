import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/get-config';
import { compareDeploymentModels } from './compare-deployment-models';

const lab = getConfig();
const rowOf = (comparison: ReturnType<typeof compareDeploymentModels>, model: string) => {
  const row = comparison.rows.find((candidate) => candidate.model === model);
  if (!row) throw new Error(`no row for ${model}`);
  return row;
};

describe('deployment model comparison for the configured topology', () => {
  it("prices the lab's warm standby (6 + 3 nodes) as the DR plan's table, cold and active-active from the same prices", () => {
    const comparison = compareDeploymentModels({ config: lab, lastMeasured: null });
    expect(comparison.rows.map((row) => row.model)).toEqual(['cold', 'warm', 'active-active']);
    const warm = rowOf(comparison, 'warm');
    // Primary 6 × 200 + 165 + 280 + 2,000 + 150 = 3,795; secondary 3 × 200 + 60 + 80 + 500 + 50 = 1,290; Front Door 48.
    expect(warm).toMatchObject({ configured: true, secondaryNodes: 3, primaryCents: 379_500, secondaryCents: 129_000, sharedCents: 4_800, totalCents: 513_300 });
    expect(warm.overheadPercent).toBeCloseTo(33.99, 2);
    // Cold keeps costs.model.coldStandbyNodes (1): 200 + 60 + 40 + 100 + 20 = 420.
    expect(rowOf(comparison, 'cold')).toMatchObject({ configured: false, secondaryNodes: 1, secondaryCents: 42_000, totalCents: 426_300 });
    // Active-active runs the production size: 1,200 + 120 + 280 + 1,715 + 100 = 3,415, about 90 % (190 % in total).
    const active = rowOf(comparison, 'active-active');
    expect(active).toMatchObject({ secondaryNodes: 6, secondaryCents: 341_500, totalCents: 725_800 });
    expect(active.overheadPercent).toBeCloseTo(89.99, 2);
  });

  it("takes each model's RTO from FAILOVER_PLANS, and the measured one for the configured model only", () => {
    const plan = compareDeploymentModels({ config: lab, lastMeasured: null });
    expect(plan.rows.map((row) => [row.model, row.rto.minutes, row.rto.basis])).toEqual([
      ['cold', 90, 'plan-estimate'],
      ['warm', 45, 'plan-estimate'],
      ['active-active', 4.5, 'plan-estimate'],
    ]);
    const measured = compareDeploymentModels({ config: lab, lastMeasured: { rtoMinutes: 12.34, at: new Date('2026-01-05T10:00:00Z'), kind: 'drill' } });
    expect(rowOf(measured, 'warm').rto).toMatchObject({ minutes: 12.3, basis: 'measured-drill', withinObjective: true });
    expect(rowOf(measured, 'cold').rto.basis).toBe('plan-estimate');
  });

  it('follows the configured node counts and prices: a cold standby with no nodes, a dearer node', () => {
    const aks = lab.components.aks;
    const config = {
      ...lab,
      deploymentModel: 'cold' as const,
      components: { ...lab.components, aks: { ...aks, secondary: { ...aks.secondary, standbyNodeCount: 0 } } },
      costs: { ...lab.costs, model: { ...lab.costs.model, nodeMonthly: 250 } },
    };
    const comparison = compareDeploymentModels({ config, lastMeasured: null });
    expect(rowOf(comparison, 'cold')).toMatchObject({ configured: true, secondaryNodes: 0, secondaryCents: 22_000, primaryCents: 6 * 25_000 + 259_500 });
    // Warm, not configured: half the production size (the plan's 50 % capacity).
    expect(rowOf(comparison, 'warm')).toMatchObject({ configured: false, secondaryNodes: 3, secondaryCents: 3 * 25_000 + 69_000 });
    expect(comparison.assumptions.join(' ')).toContain('half of it');
  });
});
