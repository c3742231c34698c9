import type { Component, ProbeRegion } from '@/lib/domain/probe-results';
import type { Db } from '../client';
import { Prisma } from '../generated/prisma/client';
import { toStoredProbeSample, type ProbeSampleRow, type StoredProbeSample } from './stored-probe-sample';

export type LatestProbeSamplesOptions = {
  component?: Component;
  region?: ProbeRegion;
  /**
   * Only targets probed within this many seconds before the newest sample (default 3600): every
   * cycle writes every target, so the scan stays one hour of rows, and a target dropped from the
   * configuration leaves the board after an hour.
   */
  withinSeconds?: number;
};

/** The newest sample of each component/region/target, ordered by component, region, target. */
export async function latestProbeSamples(db: Db, options: LatestProbeSamplesOptions = {}): Promise<StoredProbeSample[]> {
  const withinSeconds = options.withinSeconds ?? 3600;
  const component = options.component ? Prisma.sql`AND "component" = ${options.component}` : Prisma.empty;
  const region = options.region ? Prisma.sql`AND "region" = ${options.region}` : Prisma.empty;
  const rows = await db.$queryRaw<ProbeSampleRow[]>`
    SELECT DISTINCT ON ("component", "region", "target")
      "id", "at", "cycleId", "component", "region", "target", "ok", "latencyMs", "error", "metrics"
    FROM "ProbeSample"
    WHERE "at" >= (SELECT max("at") FROM "ProbeSample") - make_interval(secs => ${withinSeconds})
      ${component} ${region}
    ORDER BY "component", "region", "target", "at" DESC, "id" DESC`;
  return rows.map(toStoredProbeSample);
}
