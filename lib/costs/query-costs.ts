import { CostManagementClient, type QueryDefinition, type QueryResult } from '@azure/arm-costmanagement';
import type { TokenCredential } from '@azure/core-auth';
import type { LifeboatConfig } from '@/lib/config/schema';
import { azureClientOptions } from '@/lib/adapters/azure/azure-client-options';
import { labAwareCredential } from '@/lib/adapters/azure/lab-aware-credential';
import type { CostLine } from '@/lib/domain/cost-line';
import { monthBounds } from '@/lib/domain/cost-month';
import { mapResourceGroups } from './map-resource-groups';

export type QueryCostsOptions = { caPem?: string; credential?: TokenCredential; now?: Date };

const COST_COLUMNS = ['PreTaxCost', 'Cost', 'CostUSD', 'PreTaxCostUSD'];

/** A whole UTC month, grouped as Azure names the dimensions; no daily granularity, so an answer stays one page. */
function monthQuery(config: LifeboatConfig, month: string, groups: string[] | null, now: Date): QueryDefinition {
  const { first, last } = monthBounds(month);
  const endOfLast = new Date(last.getTime() + 24 * 60 * 60 * 1000 - 1000);
  return {
    type: config.costs.costManagement?.type ?? 'ActualCost',
    timeframe: 'Custom',
    timePeriod: { from: first, to: new Date(Math.min(endOfLast.getTime(), now.getTime())) },
    dataset: {
      aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' } },
      grouping: [
        { type: 'Dimension', name: 'ResourceGroupName' },
        { type: 'Dimension', name: 'ServiceName' },
      ],
      ...(groups ? { filter: { dimensions: { name: 'ResourceGroupName', operator: 'In', values: groups } } } : {}),
    },
  };
}

function columnIndex(result: QueryResult, names: readonly string[]): number {
  const index = (result.columns ?? []).findIndex((column) => names.some((name) => name.toLowerCase() === column.name?.toLowerCase()));
  if (index < 0) throw new Error(`Cost Management answered without a ${names.join('/')} column (got ${(result.columns ?? []).map((column) => column.name).join(', ')})`);
  return index;
}

function toLines(result: QueryResult, places: ReturnType<typeof mapResourceGroups>): CostLine[] {
  // Paging is not followed: a month grouped by two dimensions is far below a page (1,000 rows).
  if (result.nextLink) throw new Error('Cost Management paged its answer; narrow costs.resourceGroups or use scope resourceGroups');
  const cost = columnIndex(result, COST_COLUMNS);
  const group = columnIndex(result, ['ResourceGroupName', 'ResourceGroup']);
  const service = columnIndex(result, ['ServiceName', 'MeterCategory']);
  const currency = columnIndex(result, ['Currency', 'BillingCurrency']);
  return (result.rows ?? []).flatMap((row): CostLine[] => {
    const resourceGroup = String(row[group]).toLowerCase();
    const place = places.get(resourceGroup);
    if (!place) return [];
    return [{ ...place, resourceGroup, service: String(row[service]), amount: Number(row[cost]), currency: String(row[currency]) }];
  });
}

/**
 * One UTC month of cost per resource group and service from Azure Cost Management (Query - Usage),
 * on the subscription filtered to the configured resource groups, or one query per group.
 */
export async function queryCosts(config: LifeboatConfig, month: string, options: QueryCostsOptions = {}): Promise<CostLine[]> {
  const fd = config.components.frontDoor;
  const client = new CostManagementClient(options.credential ?? labAwareCredential(config.azure), {
    endpoint: fd.armEndpoint,
    ...azureClientOptions(options.caPem),
    // Cost Management throttles (429 with Retry-After): the SDK's retries wait it out, unlike a probe's.
    retryOptions: { maxRetries: 3 },
  });
  const places = mapResourceGroups(config);
  const groups = [...places.keys()];
  const now = options.now ?? new Date();
  const subscription = `subscriptions/${fd.subscriptionId}`;
  if (config.costs.costManagement?.scope === 'resourceGroups') {
    const lines: CostLine[] = [];
    for (const group of groups) lines.push(...toLines(await client.query.usage(`${subscription}/resourceGroups/${group}`, monthQuery(config, month, null, now)), places));
    return lines;
  }
  return toLines(await client.query.usage(subscription, monthQuery(config, month, groups, now)), places);
}
