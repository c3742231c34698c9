import { z } from 'zod';
import { COST_ROLES, COST_SOURCES, type CostMonth } from '@/lib/domain/cost-line';

const StoredLine = z.object({
  role: z.enum(COST_ROLES),
  region: z.string(),
  resourceGroup: z.string(),
  service: z.string(),
  amount: z.number(),
  currency: z.string(),
  day: z.number().int().optional(),
});

/** A stored row back to a CostMonth; a row that does not parse is an error, never silently dropped. */
export function toCostMonth(row: { month: string; source: string; currency: string; fetchedAt: Date; lines: unknown }): CostMonth {
  return { month: row.month, source: z.enum(COST_SOURCES).parse(row.source), currency: row.currency, fetchedAt: row.fetchedAt, lines: z.array(StoredLine).parse(row.lines) };
}
