import type { Db } from '../client';

export function countCostMonths(db: Db): Promise<number> {
  return db.costSnapshot.count();
}
