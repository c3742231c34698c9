import type { Db } from '../client';

export const RAW_RETENTION_HOURS = 48;
export const ROLLUP_RETENTION_DAYS = 400;

export type PruneResult = { samplesDeleted: number; rollupsDeleted: number };

/**
 * Deletes raw samples older than 48 h, cut on an hour boundary and never past the newest rolled-up
 * hour (so nothing is lost if the roll-up has not run), and roll-ups older than 400 days.
 * Size: ~30 targets × 4 samples/min × 48 h ≈ 346k raw rows, plus 30 × 24 × 400 = 288k roll-ups.
 */
export async function pruneProbeSamples(
  db: Db,
  options: { now?: Date; rawRetentionHours?: number; rollupRetentionDays?: number } = {},
): Promise<PruneResult> {
  const now = options.now ?? new Date();
  const rawHours = options.rawRetentionHours ?? RAW_RETENTION_HOURS;
  const rollupDays = options.rollupRetentionDays ?? ROLLUP_RETENTION_DAYS;
  const samplesDeleted = await db.$executeRaw`
    DELETE FROM "ProbeSample"
    WHERE "at" < LEAST(
      date_trunc('hour', ${now}::timestamptz - ${rawHours} * interval '1 hour', 'UTC'),
      -- LEAST skips NULLs: no roll-up yet must mean "delete nothing", not "ignore this bound".
      coalesce((SELECT max("hour") + interval '1 hour' FROM "ProbeRollup"), '-infinity'::timestamptz)
    )`;
  const rollupsDeleted = await db.$executeRaw`
    DELETE FROM "ProbeRollup" WHERE "hour" < ${now}::timestamptz - ${rollupDays} * interval '1 day'`;
  return { samplesDeleted, rollupsDeleted };
}
