import type { ProbeResult } from '@/lib/domain/probe-results';
import type { Db } from '../client';
import { Prisma } from '../generated/prisma/client';

/** Writes one probe cycle's results, all with the same cycleId, in one statement; returns how many. */
export async function recordProbeSamples(db: Db, cycleId: string, results: readonly ProbeResult[]): Promise<number> {
  if (results.length === 0) return 0;
  const { count } = await db.probeSample.createMany({
    data: results.map((result) => ({
      at: result.at,
      cycleId,
      component: result.component,
      region: result.region,
      target: result.target,
      ok: result.ok,
      latencyMs: result.latencyMs === null ? null : Math.round(result.latencyMs),
      error: result.error,
      // The column is NOT NULL: a probe that measured nothing stores JSON null.
      metrics: result.metrics === null ? Prisma.JsonNull : (result.metrics as Prisma.InputJsonValue),
    })),
  });
  return count;
}
