import type { Db } from '../client';

/** Whether a restore of this region ever served from `address`: a target following it follows our own leftover, not a real master. */
export async function wasOneShotMaster(db: Db, region: string, address: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS "n" FROM "ReplicationRun"
    WHERE "job" = 'redis-restore' AND "region" = ${region} AND "details"->>'oneShotMaster' = ${address}`;
  return (rows[0]?.n ?? 0n) > 0n;
}
