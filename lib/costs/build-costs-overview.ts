import type { LifeboatConfig } from '@/lib/config/schema';
import { coolTierHint, type StoredSnapshot } from '@/lib/domain/cool-tier-hint';
import { compareDeploymentModels } from '@/lib/domain/compare-deployment-models';
import { pickCostBasis } from '@/lib/domain/cost-basis';
import { COST_SOURCE_LABELS, type CostMonth } from '@/lib/domain/cost-line';
import { isCompleteMonth } from '@/lib/domain/cost-month';
import { totalsByRegionAndService, totalsByRole } from '@/lib/domain/cost-totals';
import { drOverheadPercent, overheadTrend } from '@/lib/domain/dr-overhead';
import type { MeasuredRecovery } from '@/lib/domain/estimate-rto';
import { reservedInstanceHint } from '@/lib/domain/reserved-instance-hint';
import { scaleToZeroHint } from '@/lib/domain/scale-to-zero-hint';
import type { TrafficRun } from '@/lib/domain/secondary-serving-hours';
import type { CostsOverview } from './costs-overview';

export type CostsFacts = { months: CostMonth[]; storedSnapshots: StoredSnapshot[]; trafficRuns: TrafficRun[]; lastMeasured: MeasuredRecovery | null; now: Date };

/** Composes the page's read model from stored facts (pure). */
export function buildCostsOverview(config: LifeboatConfig, facts: CostsFacts): CostsOverview {
  const { costs } = config;
  const months = facts.months.map((month) => {
    const cells = totalsByRegionAndService(month.lines);
    const totals = totalsByRole(cells);
    return { month: month.month, complete: isCompleteMonth(month.month, month.fetchedAt), source: month.source, sourceLabel: COST_SOURCE_LABELS[month.source], fetchedAt: month.fetchedAt.toISOString(), cells, totals, overheadPercent: drOverheadPercent(totals.primary, totals.secondary) };
  });
  const comparison = compareDeploymentModels({ config, lastMeasured: facts.lastMeasured });
  const basis = pickCostBasis(facts.months);
  const rtoOf = (model: string) => comparison.rows.find((row) => row.model === model)?.rto.minutes ?? 0;
  const scaleToZero = basis ? scaleToZeroHint({ basis, computeServices: costs.computeServices, deploymentModel: config.deploymentModel, runs: facts.trafficRuns, now: facts.now }) : null;
  return {
    currency: facts.months.at(-1)?.currency ?? costs.currency,
    regions: { primary: config.regions.primary.name, secondary: config.regions.secondary.name },
    months,
    trend: overheadTrend(facts.months),
    comparison,
    hints: {
      basis: basis?.description ?? null,
      reservedInstances: basis ? reservedInstanceHint(basis, costs.computeServices, costs.reservedInstances) : null,
      coolTier: { ...coolTierHint(facts.storedSnapshots, costs.blobPerGbMonth), currency: costs.currency },
      scaleToZero: scaleToZero && { ...scaleToZero, rtoNowMinutes: rtoOf(config.deploymentModel), rtoColdMinutes: rtoOf('cold') },
    },
    refreshCron: costs.refreshCron,
  };
}
