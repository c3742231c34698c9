import type { DbTx } from '../client';
import { toMeasuredRun, type MeasuredRunRecord } from './measured-run-record';

/** A run with its steps in plan order (their insertion order), its lease and what was measured; null for an unknown id. */
export async function readRunbookRun(db: DbTx, id: string): Promise<MeasuredRunRecord | null> {
  const row = await db.runbookRun.findUnique({ where: { id }, include: { steps: { orderBy: { id: 'asc' } } } });
  return row ? toMeasuredRun(row) : null;
}
