import { COST_ROLES, type CostLine, type CostRole } from './cost-line';

/** Sums in millionths (the sources' precision), rounded to cents once: no floating drift between views. */
export const toMicros = (amount: number): number => Math.round(amount * 1e6);
export const microsToCents = (micros: number): number => Math.round(micros / 1e4);

export type CostCell = { role: CostRole; region: string; service: string; cents: number };
export type RoleTotals = Record<CostRole, number> & { all: number };

const ROLE_ORDER = (role: CostRole) => COST_ROLES.indexOf(role);

/** One cell per region and service, in cents, regions in role order then services by name. */
export function totalsByRegionAndService(lines: readonly CostLine[]): CostCell[] {
  const cells = new Map<string, { role: CostRole; region: string; service: string; micros: number }>();
  for (const line of lines) {
    const key = JSON.stringify([line.role, line.region, line.service]);
    const cell = cells.get(key) ?? { role: line.role, region: line.region, service: line.service, micros: 0 };
    cell.micros += toMicros(line.amount);
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map(({ micros, ...cell }) => ({ ...cell, cents: microsToCents(micros) }))
    .sort((a, b) => ROLE_ORDER(a.role) - ROLE_ORDER(b.role) || a.region.localeCompare(b.region) || a.service.localeCompare(b.service));
}

/** Totals per role as the sum of the cells shown, so a table's rows add up to its total. */
export function totalsByRole(cells: readonly CostCell[]): RoleTotals {
  const totals: RoleTotals = { primary: 0, secondary: 0, global: 0, all: 0 };
  for (const cell of cells) {
    totals[cell.role] += cell.cents;
    totals.all += cell.cents;
  }
  return totals;
}

/** Cents of the lines whose service is one of `services`, per role. */
export function centsOfServices(cells: readonly CostCell[], services: readonly string[]): RoleTotals {
  return totalsByRole(cells.filter((cell) => services.includes(cell.service)));
}
