import type { CostMonth } from './cost-line';
import { isCompleteMonth } from './cost-month';
import { totalsByRegionAndService, totalsByRole } from './cost-totals';

/** DR overhead: what the secondary costs as a percentage of the primary. Null without primary costs. */
export function drOverheadPercent(primaryCents: number, secondaryCents: number): number | null {
  if (primaryCents <= 0) return null;
  return (secondaryCents / primaryCents) * 100;
}

export type OverheadPoint = { month: string; complete: boolean; primaryCents: number; secondaryCents: number; percent: number | null };

/** The overhead month by month, oldest first; a month fetched before it ended is month-to-date (`complete: false`). */
export function overheadTrend(months: readonly CostMonth[]): OverheadPoint[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((month) => {
      const totals = totalsByRole(totalsByRegionAndService(month.lines));
      return { month: month.month, complete: isCompleteMonth(month.month, month.fetchedAt), primaryCents: totals.primary, secondaryCents: totals.secondary, percent: drOverheadPercent(totals.primary, totals.secondary) };
    });
}
