import type { CostMonth } from './cost-line';
import { daysBilled, daysInMonth, isCompleteMonth, monthBounds } from './cost-month';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The month hints are computed from: the newest complete month, else the current month projected
 * to a whole month (× days in month / days billed). `from`/`to` bound the hours it covers.
 */
export type CostBasis = { month: CostMonth; projectionFactor: number; from: Date; to: Date; description: string };

export function pickCostBasis(months: readonly CostMonth[]): CostBasis | null {
  const sorted = [...months].sort((a, b) => b.month.localeCompare(a.month));
  // As of each month's fetch: a month fetched mid-month stays partial until it is fetched again.
  const complete = sorted.find((month) => isCompleteMonth(month.month, month.fetchedAt));
  if (complete) {
    const { first, last } = monthBounds(complete.month);
    return { month: complete, projectionFactor: 1, from: first, to: new Date(last.getTime() + DAY_MS), description: `${complete.month} (a complete month)` };
  }
  const current = sorted[0];
  if (!current) return null;
  const billed = daysBilled(current.month, current.fetchedAt);
  if (billed === 0) return null;
  const { first } = monthBounds(current.month);
  return {
    month: current,
    projectionFactor: daysInMonth(current.month) / billed,
    from: first,
    // The hours the lines cover end at the fetch, not at the end of its (partly billed) day.
    to: new Date(Math.min(first.getTime() + billed * DAY_MS, current.fetchedAt.getTime())),
    description: `${current.month} to date (${billed} of ${daysInMonth(current.month)} days, projected to the whole month)`,
  };
}
