import type { Db } from '../client';

/**
 * Records on a running restore the address its one-shot master serves on, before the target is told
 * to follow it: a later restore then recognises a target left following it by a dead worker.
 */
export async function noteOneShotMaster(db: Db, runId: string, address: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "ReplicationRun" SET "details" = "details" || jsonb_build_object('oneShotMaster', ${address}::text)
    WHERE "id" = ${runId}::bigint AND "state" = 'running'`;
}
