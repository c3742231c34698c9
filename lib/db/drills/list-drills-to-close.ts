import type { DbTx } from '../client';
import { REAL_RUN, realRunOf } from './real-run';

/** Where a drill request ends: executed (done, failed) or never run (denied, expired, cancelled). */
export const ENDED_REQUEST_STATES = ['done', 'failed', 'denied', 'expired', 'cancelled'] as const;

export type DrillToClose = { id: string; requestId: string; requestState: string; rtoSeconds: number | null; rpoSeconds: number | null };

/** Requested drills whose change request has ended (only drill `id` when given), with the run's measurements when it ran. */
export async function listDrillsToClose(db: DbTx, options: { id?: string } = {}): Promise<DrillToClose[]> {
  const rows = await db.drill.findMany({
    where: { ...(options.id ? { id: options.id } : {}), state: 'requested', request: { state: { in: [...ENDED_REQUEST_STATES] } } },
    select: { id: true, request: { select: { id: true, state: true, runbookRuns: { ...REAL_RUN, select: { rtoSeconds: true, rpoSeconds: true } } } } },
  });
  return rows.flatMap(({ id, request }) => {
    if (!request) return [];
    const run = realRunOf(request);
    return [{ id, requestId: request.id, requestState: request.state, rtoSeconds: run?.rtoSeconds ?? null, rpoSeconds: run?.rpoSeconds ?? null }];
  });
}
