import type { CostMonth } from '@/lib/domain/cost-line';
import type { Db } from '../client';
import { toCostMonth } from './cost-month-record';

/** The newest `count` stored months, oldest first. */
export async function listCostMonths(db: Db, count = 13): Promise<CostMonth[]> {
  const rows = await db.costSnapshot.findMany({ orderBy: { month: 'desc' }, take: count });
  return rows.reverse().map(toCostMonth);
}
