import type { ProbeHistory } from '@/lib/db/probes/probe-history';
import type { StoredProbeSample } from '@/lib/db/probes/stored-probe-sample';
import type { RestorePoint } from '@/lib/db/replication/list-restores-between';
import type { BlobMetrics, QdrantMetrics, RedisMetrics } from '@/lib/domain/probe-results';
import { WINDOW_SECONDS, type LagPoint, type LagSeries, type StatusWindow } from './status-snapshot';

/** Chart resolution per window: ~288, 168 and 240 points. */
export const LAG_BUCKET_SECONDS: Record<StatusWindow, number> = { '24h': 300, '7d': 3600, '30d': 3 * 3600 };

type Series = 'blob' | 'qdrant' | 'redis';
export type LagHistories = Record<Series, ProbeHistory> & {
  /** Qdrant restores into the secondary, oldest first: when given, the Qdrant series is the age of what the secondary holds. */
  restores?: readonly RestorePoint[];
};

const secondsBetween = (at: Date, iso: string | null | undefined) => (iso ? Math.max(0, (at.getTime() - Date.parse(iso)) / 1000) : null);

/** How old the data set's newest copy was when the sample was taken (the same measure the roll-ups keep). */
function sampleLag(series: Series, sample: StoredProbeSample): number | null {
  if (!sample.ok || !sample.metrics) return null;
  if (series === 'blob') return (sample.metrics as BlobMetrics).lagSeconds;
  if (series === 'qdrant') return secondsBetween(sample.at, (sample.metrics as QdrantMetrics).newestSnapshot?.createdAt);
  return secondsBetween(sample.at, (sample.metrics as RedisMetrics).newestBackupAt);
}

/** Buckets raw samples and hourly roll-ups into one series per data set: the worst lag in each bucket, null where nothing was measured. */
export function toLagSeries(histories: LagHistories, window: StatusWindow, now: Date): LagSeries {
  const bucketSeconds = LAG_BUCKET_SECONDS[window];
  const bucketMs = bucketSeconds * 1000;
  const last = Math.floor(now.getTime() / bucketMs) * bucketMs;
  const first = last - (Math.ceil(WINDOW_SECONDS[window] / bucketSeconds) - 1) * bucketMs;
  const points: LagPoint[] = [];
  for (let at = first; at <= last; at += bucketMs) points.push({ at: new Date(at).toISOString(), blob: null, qdrant: null, redis: null });
  const put = (series: Series, at: Date, lag: number | null) => {
    const index = Math.floor((at.getTime() - first) / bucketMs);
    const point = points[index];
    if (lag === null || !point) return;
    point[series] = Math.round(Math.max(point[series] ?? 0, lag));
  };
  const restores = histories.restores ?? [];
  for (const series of ['blob', 'qdrant', 'redis'] as const) {
    if (series === 'qdrant' && restores.length > 0) continue;
    for (const rollup of histories[series].rollups) put(series, rollup.hour, rollup.lagSecondsMax);
    for (const sample of histories[series].samples) put(series, sample.at, sampleLag(series, sample));
  }
  if (restores.length > 0) putRestoredAge(restores, points, first, bucketMs, now, put);
  return { window, bucketSeconds, points };
}

/**
 * The age of what the secondary held, per bucket at its worst: just before each restore and at each
 * bucket's end (it grows until the next restore). Per collection; the worst collection counts.
 */
function putRestoredAge(restores: readonly RestorePoint[], points: readonly LagPoint[], first: number, bucketMs: number, now: Date, put: (series: Series, at: Date, lag: number | null) => void): void {
  for (const collection of new Set(restores.map((restore) => restore.collection))) {
    const own = restores.filter((restore) => restore.collection === collection);
    const heldAt = (at: number) => own.filter((restore) => restore.finishedAt.getTime() <= at).at(-1);
    const ageAt = (at: number) => {
      const held = heldAt(at);
      return held ? Math.max(0, (at - held.snapshotCreatedAt.getTime()) / 1000) : null;
    };
    for (const [index] of points.entries()) {
      const end = Math.min(first + (index + 1) * bucketMs - 1, now.getTime());
      if (end < first + index * bucketMs) continue;
      put('qdrant', new Date(end), ageAt(end));
    }
    for (const restore of own) put('qdrant', restore.finishedAt, ageAt(restore.finishedAt.getTime() - 1));
  }
}
