import type { DbTx } from '../client';
import { toMeasuredRun, type MeasuredRunRecord } from './measured-run-record';

/** One run with its steps in plan order, its lease and its measured RTO/RPO; null for an unknown id. */
export async function readMeasuredRun(db: DbTx, id: string): Promise<MeasuredRunRecord | null> {
  const row = await db.runbookRun.findUnique({ where: { id }, include: { steps: { orderBy: { id: 'asc' } } } });
  return row ? toMeasuredRun(row) : null;
}
