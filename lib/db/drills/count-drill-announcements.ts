import type { DbTx } from '../client';

/** How many drill-started notifications the request of this run has queued (0: not announced yet). */
export async function countDrillAnnouncements(db: DbTx, runId: string): Promise<number> {
  return db.changeNotification.count({ where: { event: 'drill-started', request: { runbookRuns: { some: { id: runId } } } } });
}
