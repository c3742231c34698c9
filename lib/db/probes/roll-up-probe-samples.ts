import type { Db } from '../client';

/**
 * Upserts hourly roll-ups for every complete hour of raw samples, starting again from the newest
 * hour already rolled up (a cycle that began before the hour may be written just after it).
 * Hours are UTC. Returns how many hour×target rows were written.
 */
export async function rollUpProbeSamples(db: Db, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return db.$executeRaw`
    WITH since AS (SELECT coalesce(max("hour"), '-infinity'::timestamptz) AS "hour" FROM "ProbeRollup"),
    samples AS (
      SELECT date_trunc('hour', s."at", 'UTC') AS "hour", s."component", s."region", s."target", s."ok", s."latencyMs",
        -- How old the data was at the sample: what the replication-lag chart plots over 30 days.
        CASE s."component"
          WHEN 'blob' THEN (s."metrics" ->> 'lagSeconds')::float8
          WHEN 'qdrant' THEN extract(epoch FROM s."at" - (s."metrics" -> 'newestSnapshot' ->> 'createdAt')::timestamptz)::float8
          WHEN 'redis' THEN extract(epoch FROM s."at" - (s."metrics" ->> 'newestBackupAt')::timestamptz)::float8
        END AS "lag"
      FROM "ProbeSample" s, since
      WHERE s."at" >= since."hour" AND s."at" < date_trunc('hour', ${now}::timestamptz, 'UTC')
    )
    INSERT INTO "ProbeRollup" ("hour", "component", "region", "target", "samples", "okSamples", "avgLatencyMs", "maxLatencyMs", "lagSecondsMax")
    SELECT "hour", "component", "region", "target", count(*)::int, (count(*) FILTER (WHERE "ok"))::int, avg("latencyMs")::float8, max("latencyMs"), max("lag")
    FROM samples
    GROUP BY "hour", "component", "region", "target"
    ON CONFLICT ("hour", "component", "region", "target") DO UPDATE SET
      "samples" = EXCLUDED."samples", "okSamples" = EXCLUDED."okSamples", "avgLatencyMs" = EXCLUDED."avgLatencyMs",
      "maxLatencyMs" = EXCLUDED."maxLatencyMs", "lagSecondsMax" = EXCLUDED."lagSecondsMax"`;
}
