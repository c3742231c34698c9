import { CURRENCY, usageDate, type CostLine } from '../cost-model';
import type { CostColumn, Dimension, QueryDefinition, QueryFilter } from './query-definition';

/** The lab's fixed exchange rate for the *USD columns (CAD → USD). */
const USD_PER_CAD = 0.73;

export type QueryColumn = { name: string; type: 'Number' | 'String' };
export type QueryRows = { columns: QueryColumn[]; rows: (string | number)[][] };
export type DatedLine = CostLine & { day: Date };

function dimensionValue(line: CostLine, name: string): string | undefined {
  switch (name.toLowerCase()) {
    case 'resourcegroupname':
    case 'resourcegroup':
      return line.resourceGroup;
    case 'servicename':
    case 'metercategory':
      return line.serviceName;
    case 'resourcelocation':
      return line.location;
    default:
      return undefined;
  }
}

/** Comparisons ignore case, as Cost Management's do; the lab's resources carry no tags. */
function matches(line: CostLine, filter: QueryFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.and && !filter.and.every((part) => matches(line, part))) return false;
  if (filter.or && !filter.or.some((part) => matches(line, part))) return false;
  if (filter.tags) return false;
  if (filter.dimensions) {
    const value = dimensionValue(line, filter.dimensions.name)?.toLowerCase();
    if (value === undefined || !filter.dimensions.values.some((wanted) => wanted.toLowerCase() === value)) return false;
  }
  return true;
}

function amount(line: CostLine, column: CostColumn): number {
  return column.endsWith('USD') ? line.cost * USD_PER_CAD : line.cost;
}

/**
 * Columns and rows as Cost Management lays them out: the aggregations, UsageDate (yyyymmdd, Daily
 * only), the groupings in the order asked, then Currency. One row per day and group.
 */
export function buildQueryRows(query: QueryDefinition, lines: DatedLine[]): QueryRows {
  const aggregations = Object.values(query.dataset.aggregation).map((aggregation) => aggregation.name);
  const daily = query.dataset.granularity === 'Daily';
  const groupings = (query.dataset.grouping ?? []).map((group) => group.name as Dimension);
  const columns: QueryColumn[] = [
    ...aggregations.map((name) => ({ name, type: 'Number' as const })),
    ...(daily ? [{ name: 'UsageDate', type: 'Number' as const }] : []),
    ...groupings.map((name) => ({ name, type: 'String' as const })),
    { name: 'Currency', type: 'String' },
  ];
  const groups = new Map<string, { date: number | undefined; keys: string[]; sums: number[] }>();
  for (const line of lines) {
    if (!matches(line, query.dataset.filter)) continue;
    const date = daily ? usageDate(line.day) : undefined;
    const keys = groupings.map((name) => dimensionValue(line, name) ?? '');
    const id = JSON.stringify([date, keys]);
    const group = groups.get(id) ?? { date, keys, sums: aggregations.map(() => 0) };
    aggregations.forEach((column, index) => {
      group.sums[index] = (group.sums[index] ?? 0) + amount(line, column);
    });
    groups.set(id, group);
  }
  const rows = [...groups.values()]
    .sort((a, b) => (a.date ?? 0) - (b.date ?? 0) || a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')))
    .map((group) => [...group.sums.map((sum) => Math.round(sum * 1e6) / 1e6), ...(group.date === undefined ? [] : [group.date]), ...group.keys, CURRENCY]);
  return { columns, rows };
}
