import type { Db } from '@/lib/db/client';
import { probeHistory } from '@/lib/db/probes/probe-history';
import { listRestoresBetween } from '@/lib/db/replication/list-restores-between';
import { LAG_BUCKET_SECONDS, toLagSeries } from './to-lag-series';
import { WINDOW_SECONDS, type LagSeries, type StatusWindow } from './status-snapshot';

// Re-read only when a new probe cycle landed or a new bucket began: a 30-day window is thousands of rows.
const memos = new WeakMap<Db, Map<StatusWindow, { key: string; series: Promise<LagSeries> }>>();

/** The replication-lag chart's series: Blob geo lag, the age of the Qdrant data the secondary restored (else the primary's newest snapshot) and Redis backup age. */
export function readLagSeries(db: Db, window: StatusWindow, now: Date, newestSampleId: string | null): Promise<LagSeries> {
  const key = `${newestSampleId}:${Math.floor(now.getTime() / (LAG_BUCKET_SECONDS[window] * 1000))}`;
  const memo = memos.get(db) ?? new Map<StatusWindow, { key: string; series: Promise<LagSeries> }>();
  memos.set(db, memo);
  const cached = memo.get(window);
  if (cached?.key === key) return cached.series;
  const from = new Date(now.getTime() - WINDOW_SECONDS[window] * 1000);
  const series = Promise.all([
    probeHistory(db, { component: 'blob', region: 'global', from, to: now }),
    probeHistory(db, { component: 'qdrant', region: 'primary', from, to: now }),
    probeHistory(db, { component: 'redis', region: 'primary', from, to: now }),
    listRestoresBetween(db, from, now),
  ]).then(([blob, qdrant, redis, restores]) => toLagSeries({ blob, qdrant, redis, restores }, window, now));
  memo.set(window, { key, series });
  series.catch(() => {
    if (memo.get(window)?.series === series) memo.delete(window);
  });
  return series;
}
