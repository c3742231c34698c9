import type { Db } from '../client';

/** Whether someone asked the run to stop: polled by the engine between scheduling decisions. */
export async function readAbortRequest(db: Db, runId: string): Promise<{ at: Date; by: string } | null> {
  const row = await db.runbookRun.findUnique({ where: { id: runId }, select: { abortRequestedAt: true, abortRequestedBy: true } });
  return row?.abortRequestedAt ? { at: row.abortRequestedAt, by: row.abortRequestedBy ?? 'unknown' } : null;
}
