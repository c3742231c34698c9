import type { Db } from '../client';

/** Gives the run up (leadership lost, or stopping) so the next executor need not wait for the lease to lapse. */
export async function releaseRunbookLease(db: Db, runId: string, executorId: string): Promise<void> {
  await db.runbookRun.updateMany({ where: { id: runId, executorId, state: 'running' }, data: { executorId: null, leaseExpiresAt: null } });
}
