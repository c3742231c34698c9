import type { CostBasis } from './cost-basis';
import { centsOfServices, totalsByRegionAndService } from './cost-totals';

export type ReservedInstanceHint = {
  basis: string;
  computeServices: readonly string[];
  /** Compute a month (projected when the basis is month-to-date), per region. */
  computeCents: { primary: number; secondary: number; all: number };
  oneYear: { percent: number; savingsCents: number };
  threeYear: { percent: number; savingsCents: number };
};

/** Reserving the compute the basis month actually ran: savings = compute × the RI discount. */
export function reservedInstanceHint(basis: CostBasis, computeServices: readonly string[], percents: { oneYearPercent: number; threeYearPercent: number }): ReservedInstanceHint {
  const compute = centsOfServices(totalsByRegionAndService(basis.month.lines), computeServices);
  const monthly = (value: number) => Math.round(value * basis.projectionFactor);
  const all = monthly(compute.all);
  return {
    basis: basis.description,
    computeServices,
    computeCents: { primary: monthly(compute.primary), secondary: monthly(compute.secondary), all },
    oneYear: { percent: percents.oneYearPercent, savingsCents: Math.round((all * percents.oneYearPercent) / 100) },
    threeYear: { percent: percents.threeYearPercent, savingsCents: Math.round((all * percents.threeYearPercent) / 100) },
  };
}
