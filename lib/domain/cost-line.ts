/** Where a cost lands: one of the two regions, or `global` for shared services (Front Door). */
export const COST_ROLES = ['primary', 'secondary', 'global'] as const;
export type CostRole = (typeof COST_ROLES)[number];

export const COST_SOURCES = ['cost-management', 'cost-model'] as const;
export type CostSource = (typeof COST_SOURCES)[number];

/** One cost row: a resource group's service over a month (or a day, yyyymmdd), as the source gave it. */
export type CostLine = {
  role: CostRole;
  /** Azure region name (`canadacentral`), or `global`. */
  region: string;
  resourceGroup: string;
  service: string;
  amount: number;
  currency: string;
  day?: number;
};

/** One UTC month (`yyyy-mm`) of lines from one source, as stored. */
export type CostMonth = { month: string; source: CostSource; currency: string; fetchedAt: Date; lines: CostLine[] };

export const COST_SOURCE_LABELS: Record<CostSource, string> = {
  'cost-management': 'from Azure Cost Management',
  'cost-model': 'from the configured cost model',
};
