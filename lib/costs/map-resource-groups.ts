import type { LifeboatConfig } from '@/lib/config/schema';
import type { CostRole } from '@/lib/domain/cost-line';

export type ResourceGroupPlace = { role: CostRole; region: string };

/**
 * Lowercased resource group → the region it bills to: each region's AKS group, the Blob account's
 * group (primary), Front Door's (global unless it is a region's), then costs.resourceGroups.
 * Cost Management returns resource groups lowercased.
 */
export function mapResourceGroups(config: Pick<LifeboatConfig, 'regions' | 'components' | 'costs'>): Map<string, ResourceGroupPlace> {
  const map = new Map<string, ResourceGroupPlace>();
  const place = (group: string | undefined, role: CostRole) => {
    if (group === undefined || map.has(group.toLowerCase())) return;
    map.set(group.toLowerCase(), { role, region: role === 'global' ? 'global' : config.regions[role].name });
  };
  place(config.components.aks.primary.resourceGroup, 'primary');
  place(config.components.aks.secondary.resourceGroup, 'secondary');
  place(config.components.blob.resourceGroup, 'primary');
  for (const role of ['primary', 'secondary', 'global'] as const) for (const group of config.costs.resourceGroups[role]) place(group, role);
  place(config.components.frontDoor.resourceGroup, 'global');
  return map;
}
