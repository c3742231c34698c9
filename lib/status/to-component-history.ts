import type { ProbeHistory } from '@/lib/db/probes/probe-history';
import type { StoredProbeSample } from '@/lib/db/probes/stored-probe-sample';
import type { BlobMetrics, Component, ProbeRegion, QdrantMetrics, RedisMetrics } from '@/lib/domain/probe-results';
import { LAG_BUCKET_SECONDS } from './to-lag-series';
import { WINDOW_SECONDS, type StatusWindow } from './status-snapshot';

/** One bucket of one region: mean latency (ms), worst data age (s), and how many probes failed. */
export type RegionBucket = { latencyMs: number | null; lagSeconds: number | null; samples: number; failed: number };
export type HistoryPoint = { at: string } & Partial<Record<ProbeRegion, RegionBucket>>;

export type RecentSample = { id: string; at: string; region: ProbeRegion; target: string; ok: boolean; latencyMs: number | null; error: string | null };

export type ComponentHistory = {
  component: Component;
  window: StatusWindow;
  bucketSeconds: number;
  regions: ProbeRegion[];
  /** Whether the component has a data age (Blob geo lag, Qdrant snapshot age, Redis backup age). */
  hasLag: boolean;
  points: HistoryPoint[];
  recent: RecentSample[];
};

const LAGGED: readonly Component[] = ['blob', 'qdrant', 'redis'];

function lagOf(sample: StoredProbeSample): number | null {
  if (!sample.ok || !sample.metrics) return null;
  const age = (iso: string | null | undefined) => (iso ? Math.max(0, (sample.at.getTime() - Date.parse(iso)) / 1000) : null);
  if (sample.component === 'blob') return (sample.metrics as BlobMetrics).lagSeconds;
  if (sample.component === 'qdrant') return age((sample.metrics as QdrantMetrics).newestSnapshot?.createdAt);
  if (sample.component === 'redis') return age((sample.metrics as RedisMetrics).newestBackupAt);
  return null;
}

/** A component's history in every region it is probed in, bucketed for a chart, plus its newest raw samples. */
export function toComponentHistory(component: Component, window: StatusWindow, history: ProbeHistory, recent: readonly StoredProbeSample[], now: Date): ComponentHistory {
  const bucketSeconds = LAG_BUCKET_SECONDS[window];
  const bucketMs = bucketSeconds * 1000;
  const last = Math.floor(now.getTime() / bucketMs) * bucketMs;
  const first = last - (Math.ceil(WINDOW_SECONDS[window] / bucketSeconds) - 1) * bucketMs;
  const points: HistoryPoint[] = [];
  for (let at = first; at <= last; at += bucketMs) points.push({ at: new Date(at).toISOString() });
  const latency = new Map<string, { sum: number; n: number }>();
  const add = (at: Date, region: ProbeRegion, samples: number, okSamples: number, latencyMs: number | null, lagSeconds: number | null) => {
    const index = Math.floor((at.getTime() - first) / bucketMs);
    const point = points[index];
    if (!point) return;
    const bucket = (point[region] ??= { latencyMs: null, lagSeconds: null, samples: 0, failed: 0 });
    if (latencyMs !== null && okSamples > 0) {
      const key = `${index}:${region}`;
      const mean = latency.get(key) ?? { sum: 0, n: 0 };
      mean.sum += latencyMs * okSamples;
      mean.n += okSamples;
      latency.set(key, mean);
      bucket.latencyMs = Math.round(mean.sum / mean.n);
    }
    if (lagSeconds !== null) bucket.lagSeconds = Math.round(Math.max(bucket.lagSeconds ?? 0, lagSeconds));
    bucket.samples += samples;
    bucket.failed += samples - okSamples;
  };
  for (const rollup of history.rollups) add(rollup.hour, rollup.region, rollup.samples, rollup.okSamples, rollup.avgLatencyMs, rollup.lagSecondsMax);
  for (const sample of history.samples) add(sample.at, sample.region, 1, sample.ok ? 1 : 0, sample.ok ? sample.latencyMs : null, lagOf(sample));
  const regions = (['primary', 'secondary', 'global'] as const).filter((region) => history.samples.some((s) => s.region === region) || history.rollups.some((r) => r.region === region) || recent.some((s) => s.region === region));
  return {
    component,
    window,
    bucketSeconds,
    regions,
    hasLag: LAGGED.includes(component),
    points,
    recent: recent.map((sample) => ({ id: sample.id, at: sample.at.toISOString(), region: sample.region, target: sample.target, ok: sample.ok, latencyMs: sample.latencyMs, error: sample.error })),
  };
}
