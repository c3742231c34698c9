import type { LifeboatConfig } from '@/lib/config/schema';
import type { CostLine } from '@/lib/domain/cost-line';
import { daysBilled } from '@/lib/domain/cost-month';
import { mapResourceGroups } from './map-resource-groups';

/**
 * One UTC month from the configured cost model (costs.model): each region's AKS nodes at the
 * configured counts (primary production, secondary standby) plus the service prices, billed per
 * day as monthly × 12 / 365 for the days up to `now`. Used when costs.costManagement is unset.
 */
export function modelCosts(config: LifeboatConfig, month: string, now: Date): CostLine[] {
  const days = daysBilled(month, now);
  if (days === 0) return [];
  const { model, currency } = config.costs;
  const places = mapResourceGroups(config);
  const lines: CostLine[] = [];
  const add = (group: string, service: string, monthly: number) => {
    const resourceGroup = group.toLowerCase();
    const place = places.get(resourceGroup);
    if (!place || monthly <= 0) return;
    lines.push({ ...place, resourceGroup, service, amount: Math.round(((monthly * 12) / 365) * days * 1e6) / 1e6, currency });
  };
  const aks = config.components.aks;
  add(aks.primary.resourceGroup, 'Virtual Machines', aks.primary.productionNodeCount * model.nodeMonthly);
  for (const [service, monthly] of Object.entries(model.primary)) add(aks.primary.resourceGroup, service, monthly);
  add(aks.secondary.resourceGroup, 'Virtual Machines', aks.secondary.standbyNodeCount * model.nodeMonthly);
  for (const [service, monthly] of Object.entries(model.secondary[config.deploymentModel])) add(aks.secondary.resourceGroup, service, monthly);
  for (const [service, monthly] of Object.entries(model.shared)) add(config.components.frontDoor.resourceGroup, service, monthly);
  return lines;
}
