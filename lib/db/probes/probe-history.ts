import { COMPONENTS, type Component, type ProbeRegion } from '@/lib/domain/probe-results';
import type { Db } from '../client';
import type { ProbeRollupRow } from './probe-rollup-row';
import { toStoredProbeSample, type StoredProbeSample } from './stored-probe-sample';

export type ProbeHistoryQuery = {
  /** Absent: every component (and then every region and target unless given). */
  component?: Component;
  region?: ProbeRegion;
  target?: string;
  from: Date;
  to?: Date;
  /** Cap on raw samples (the newest are kept); default 20,000. */
  maxSamples?: number;
};

export type ProbeHistory = {
  /** Raw samples in the window, oldest first (they exist for the last 48 h). */
  samples: StoredProbeSample[];
  /** Hourly roll-ups for the part of the window older than the oldest raw sample, oldest first. */
  rollups: ProbeRollupRow[];
  /** True when maxSamples cut older raw samples off. */
  truncated: boolean;
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * A window of history: raw samples where they still exist, hourly roll-ups before that, so a 30-day
 * chart reads ~720 roll-ups per target rather than 170,000 samples, and no hour is counted twice.
 */
export async function probeHistory(db: Db, query: ProbeHistoryQuery): Promise<ProbeHistory> {
  const to = query.to ?? new Date();
  const maxSamples = query.maxSamples ?? 20_000;
  const where = { component: query.component, region: query.region, target: query.target };
  const [newestFirst, oldestRaw] = await Promise.all([
    db.probeSample.findMany({ where: { ...where, at: { gte: query.from, lte: to } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: maxSamples + 1 }),
    db.probeSample.findFirst({ where, orderBy: { at: 'asc' }, select: { at: true } }),
  ]);
  const truncated = newestFirst.length > maxSamples;
  const samples = newestFirst.slice(0, maxSamples).reverse().map(toStoredProbeSample);
  // Hours wholly before the raw data; the pruner cuts on hour boundaries, so they meet exactly.
  const rawFrom = oldestRaw ? Math.floor(oldestRaw.at.getTime() / HOUR_MS) * HOUR_MS : Number.POSITIVE_INFINITY;
  const rollupsBefore = new Date(Math.min(rawFrom, to.getTime() + 1));
  const rows = await db.probeRollup.findMany({
    where: { ...where, hour: { gte: new Date(Math.floor(query.from.getTime() / HOUR_MS) * HOUR_MS), lt: rollupsBefore } },
    orderBy: [{ hour: 'asc' }, { component: 'asc' }, { region: 'asc' }, { target: 'asc' }],
  });
  const rollups = rows.map((row): ProbeRollupRow => {
    const component = COMPONENTS.find((known) => known === row.component);
    if (!component) throw new Error(`probe roll-up with an unknown component ${row.component}`);
    return { ...row, component, region: row.region as ProbeRegion };
  });
  return { samples, rollups, truncated };
}
