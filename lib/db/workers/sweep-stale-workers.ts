import type { Db } from '../client';

export type SweptWorker = { id: string; region: string };

/**
 * Marks as stopped every worker silent for longer than `staleAfterSeconds` (database clock). Only the
 * leader sweeps, and it holds the lock, so no swept worker can be leading: its flag is cleared too.
 */
export async function sweepStaleWorkers(
  db: Db,
  options: { staleAfterSeconds: number; exceptWorkerId: string },
): Promise<SweptWorker[]> {
  return db.$queryRaw<SweptWorker[]>`
    UPDATE "WorkerNode"
    SET "stoppedAt" = now(), "isLeader" = false, "leaderSince" = NULL, "stepDownRequestedAt" = NULL
    WHERE "stoppedAt" IS NULL
      AND "heartbeatAt" < now() - make_interval(secs => ${options.staleAfterSeconds})
      AND "id" <> ${options.exceptWorkerId}
    RETURNING "id", "region"`;
}
