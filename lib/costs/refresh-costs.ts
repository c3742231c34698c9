import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { listStoredMonths } from '@/lib/db/costs/list-stored-months';
import { saveCostMonth } from '@/lib/db/costs/save-cost-month';
import { recentMonths } from '@/lib/domain/cost-month';
import { fetchMonthCosts } from './fetch-month-costs';
import type { QueryCostsOptions } from './query-costs';

export type CostRefresh = { months: string[]; source: string };

/**
 * Fetches and stores the current and previous month (late charges land in the previous one for days),
 * plus every month of the last `costs.historyMonths` not stored yet: a first refresh cut short is completed by the next.
 */
export async function refreshCosts(db: Db, config: LifeboatConfig, now: Date, options: QueryCostsOptions = {}): Promise<CostRefresh> {
  const stored = new Set(await listStoredMonths(db));
  const latest = recentMonths(now, 2);
  const months = recentMonths(now, Math.max(config.costs.historyMonths, 2)).filter((month) => !stored.has(month) || latest.includes(month));
  let source = '';
  for (const month of months) {
    const fetched = await fetchMonthCosts(config, month, now, options);
    await saveCostMonth(db, fetched);
    source = fetched.source;
  }
  return { months, source };
}
