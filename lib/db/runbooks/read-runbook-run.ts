import type { Db } from '../client';
import { toRunbookRun, type RunbookRunRecord } from './runbook-record';

/** A run with its steps in plan order (their insertion order), or null. */
export async function readRunbookRun(db: Db, id: string): Promise<RunbookRunRecord | null> {
  const row = await db.runbookRun.findUnique({ where: { id }, include: { steps: { orderBy: { id: 'asc' } } } });
  return row ? toRunbookRun(row) : null;
}
