import type { Db } from '../client';

export type Heartbeat = { found: boolean; stepDownRequested: boolean };

/**
 * Stamps the worker's heartbeat with the database clock (one clock for every region) and reports
 * whether an Admin asked it to step down. A worker wrongly swept as stopped comes back to life.
 */
export async function recordHeartbeat(db: Db, workerId: string): Promise<Heartbeat> {
  const rows = await db.$queryRaw<{ stepDownRequestedAt: Date | null }[]>`
    UPDATE "WorkerNode" SET "heartbeatAt" = now(), "stoppedAt" = NULL
    WHERE "id" = ${workerId}
    RETURNING "stepDownRequestedAt"`;
  const row = rows[0];
  return { found: row !== undefined, stepDownRequested: row?.stepDownRequestedAt != null };
}
