import type { CostSource } from '@/lib/domain/cost-line';
import type { CoolTierHint } from '@/lib/domain/cool-tier-hint';
import type { ModelComparison } from '@/lib/domain/compare-deployment-models';
import type { CostCell, RoleTotals } from '@/lib/domain/cost-totals';
import type { OverheadPoint } from '@/lib/domain/dr-overhead';
import type { ReservedInstanceHint } from '@/lib/domain/reserved-instance-hint';
import type { ScaleToZeroHint } from '@/lib/domain/scale-to-zero-hint';

export type CostMonthView = { month: string; complete: boolean; source: CostSource; sourceLabel: string; fetchedAt: string; cells: CostCell[]; totals: RoleTotals; overheadPercent: number | null };

/** Everything /costs renders, in cents; plain data (ISO strings) so client charts can take it. */
export type CostsOverview = {
  currency: string;
  regions: { primary: string; secondary: string };
  /** Oldest first. Empty until the leader's first refresh. */
  months: CostMonthView[];
  trend: OverheadPoint[];
  comparison: ModelComparison;
  hints: { basis: string | null; reservedInstances: ReservedInstanceHint | null; coolTier: CoolTierHint & { currency: string }; scaleToZero: (ScaleToZeroHint & { rtoNowMinutes: number; rtoColdMinutes: number }) | null };
  refreshCron: string;
};
