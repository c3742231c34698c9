import type { LifeboatConfig } from '@/lib/config/schema';
import type { CostMonth } from '@/lib/domain/cost-line';
import { modelCosts } from './model-costs';
import { queryCosts, type QueryCostsOptions } from './query-costs';

/** A month from Azure Cost Management when configured, else from the configured cost model; says which. */
export async function fetchMonthCosts(config: LifeboatConfig, month: string, now: Date, options: QueryCostsOptions = {}): Promise<CostMonth> {
  if (!config.costs.costManagement) {
    return { month, source: 'cost-model', currency: config.costs.currency, fetchedAt: now, lines: modelCosts(config, month, now) };
  }
  const lines = await queryCosts(config, month, { ...options, now });
  const currencies = [...new Set(lines.map((line) => line.currency))];
  if (currencies.length > 1) throw new Error(`Cost Management answered in several currencies (${currencies.join(', ')}); Lifeboat sums one`);
  return { month, source: 'cost-management', currency: currencies[0] ?? config.costs.currency, fetchedAt: now, lines };
}
