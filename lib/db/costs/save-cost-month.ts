import type { CostMonth } from '@/lib/domain/cost-line';
import type { Db } from '../client';

/** Stores a month's lines, replacing what an earlier fetch of that month stored. */
export async function saveCostMonth(db: Db, month: CostMonth): Promise<void> {
  const data = { source: month.source, currency: month.currency, fetchedAt: month.fetchedAt, lines: month.lines };
  await db.costSnapshot.upsert({ where: { month: month.month }, create: { month: month.month, ...data }, update: data });
}
