import type { Db } from '../client';

/**
 * Takes (or renews) the right to execute a running run for `leaseMs`, only if nobody else holds a
 * live lease. Database time decides, so clocks of workers in two regions need not agree.
 */
export async function claimRunbookLease(db: Db, runId: string, executorId: string, leaseMs: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "RunbookRun"
    SET "executorId" = ${executorId}, "leaseExpiresAt" = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE "id" = ${runId}::uuid AND "state" = 'running'
      AND ("executorId" IS NULL OR "executorId" = ${executorId} OR "leaseExpiresAt" < now())`;
  return count === 1;
}
