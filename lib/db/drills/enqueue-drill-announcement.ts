import { enqueueChangeNotifications } from '../approvals/enqueue-change-notifications';
import type { Db } from '../client';

/**
 * The drill-started notifications of a run's request, once: none are added when some exist.
 * Null when the run has no request (a run started without one announces to nobody).
 */
export async function enqueueDrillAnnouncement(db: Db, runId: string, targets: readonly { name: string; kind: string }[], at: Date): Promise<{ requestId: string; queued: number; already: number } | null> {
  return db.$transaction(async (tx) => {
    const run = await tx.runbookRun.findUnique({ where: { id: runId }, select: { requestId: true } });
    if (!run?.requestId) return null;
    await tx.$queryRaw`SELECT 1 FROM "ChangeRequest" WHERE "id" = ${run.requestId}::uuid FOR UPDATE`;
    const already = await tx.changeNotification.count({ where: { requestId: run.requestId, event: 'drill-started' } });
    const queued = already > 0 ? 0 : await enqueueChangeNotifications(tx, run.requestId, 'drill-started', targets, at);
    return { requestId: run.requestId, queued, already };
  });
}
