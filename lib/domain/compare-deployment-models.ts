import type { LifeboatConfig } from '@/lib/config/schema';
import { DEPLOYMENT_MODELS, type DeploymentModel } from './deployment-models';
import { drOverheadPercent } from './dr-overhead';
import { estimateRto, FAILOVER_PLANS, type MeasuredRecovery } from './estimate-rto';
import type { RtoEstimate } from './readiness-types';

export type ModelComparisonInput = {
  config: Pick<LifeboatConfig, 'deploymentModel' | 'objectives' | 'rto' | 'costs'> & { components: Pick<LifeboatConfig['components'], 'aks'> };
  /** The board's measured RTO: applies to the configured model only. */
  lastMeasured: MeasuredRecovery | null;
};

export type ModelComparisonRow = {
  model: DeploymentModel;
  label: string;
  configured: boolean;
  secondaryNodes: number;
  primaryCents: number;
  secondaryCents: number;
  sharedCents: number;
  totalCents: number;
  overheadPercent: number | null;
  rto: RtoEstimate;
};

/** Amounts are in the cost model's currency (costs.currency), whatever the billed months are in. */
export type ModelComparison = { rows: ModelComparisonRow[]; currency: string; assumptions: string[] };

const sumPrices = (prices: Record<string, number>) => Object.values(prices).reduce((sum, price) => sum + price, 0);
const cents = (amount: number) => Math.round(amount * 100);

/** Secondary nodes per model: the configured size for the configured model; otherwise the plan's sizes. */
function secondaryNodes(model: DeploymentModel, config: ModelComparisonInput['config']): number {
  const secondary = config.components.aks.secondary;
  if (model === config.deploymentModel) return secondary.standbyNodeCount;
  if (model === 'active-active') return secondary.productionNodeCount;
  if (model === 'warm') return Math.ceil(secondary.productionNodeCount / 2);
  return config.costs.model.coldStandbyNodes;
}

/**
 * Monthly cost and RTO of cold, warm and active-active for this topology, from the cost model's
 * prices and the configured node counts; RTO from the plan's steps (measured for the configured one).
 */
export function compareDeploymentModels(input: ModelComparisonInput): ModelComparison {
  const { config } = input;
  const prices = config.costs.model;
  const primaryNodes = config.components.aks.primary.productionNodeCount;
  const primaryCents = cents(primaryNodes * prices.nodeMonthly + sumPrices(prices.primary));
  const sharedCents = cents(sumPrices(prices.shared));
  const rows = DEPLOYMENT_MODELS.map((model): ModelComparisonRow => {
    const configured = model === config.deploymentModel;
    const nodes = secondaryNodes(model, config);
    const secondaryCents = cents(nodes * prices.nodeMonthly + sumPrices(prices.secondary[model]));
    const rto = estimateRto({
      deploymentModel: model,
      objectiveMinutes: config.objectives.rtoMinutes,
      lastMeasured: configured ? input.lastMeasured : null,
      stepEstimatesMinutes: configured ? config.rto.stepEstimatesMinutes : undefined,
    });
    return { model, label: FAILOVER_PLANS[model].label, configured, secondaryNodes: nodes, primaryCents, secondaryCents, sharedCents, totalCents: primaryCents + secondaryCents + sharedCents, overheadPercent: drOverheadPercent(primaryCents, secondaryCents), rto };
  });
  const assumptions = [
    `Primary: ${primaryNodes} nodes (components.aks.primary.productionNodeCount) × ${prices.nodeMonthly} ${config.costs.currency}/month, plus ${Object.keys(prices.primary).join(', ')} at the configured monthly prices (costs.model.primary).`,
    `Secondary nodes: the configured ${config.deploymentModel} standby keeps ${config.components.aks.secondary.standbyNodeCount} (standbyNodeCount); otherwise active-active runs the production size (${config.components.aks.secondary.productionNodeCount}), warm half of it (the plan's 50 % capacity) and cold ${prices.coldStandbyNodes} (costs.model.coldStandbyNodes).`,
    `Other secondary services per model from costs.model.secondary; shared services (${Object.keys(prices.shared).join(', ') || 'none'}) cost the same in every model.`,
    'RTO: the DR plan\'s per-step estimates (lib/domain/estimate-rto.ts); for the configured model the newest measured failover or drill when there is one, as on the status board.',
  ];
  return { rows, currency: config.costs.currency, assumptions };
}
