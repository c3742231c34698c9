import type { Db, DbTx } from '../client';

/**
 * When the region's app started failing, as the probes saw it: the first failed sample after the
 * last healthy one before `before`. Null when the newest sample before `before` was healthy, or none exists.
 */
export async function readFailureStart(db: Db | DbTx, region: 'primary' | 'secondary', before: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min(s."at") AS "at" FROM "ProbeSample" s
    WHERE s."component" = 'app' AND s."region" = ${region} AND s."ok" = false AND s."at" <= ${before}
      AND s."at" > COALESCE((SELECT max(h."at") FROM "ProbeSample" h
                             WHERE h."component" = 'app' AND h."region" = ${region} AND h."ok" = true AND h."at" <= ${before}), '-infinity')`;
  return rows[0]?.at ?? null;
}
