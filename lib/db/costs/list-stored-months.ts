import type { Db } from '../client';

/** The months (`yyyy-mm`) stored so far, without their lines. */
export async function listStoredMonths(db: Db): Promise<string[]> {
  const rows = await db.costSnapshot.findMany({ select: { month: true } });
  return rows.map((row) => row.month);
}
