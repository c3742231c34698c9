import type { StoredProbeSample } from '@/lib/db/probes/stored-probe-sample';
import type { BlobMetrics } from '@/lib/domain/probe-results';
import { tileKey, type SparkPoint, type TileKey, type TileView } from './status-snapshot';

export const SPARK_POINTS = 30;
export type Spark = TileView['spark'];

/** Blob's tile is about geo-replication, so its line is the lag; every other tile plots probe latency. */
function point(sample: StoredProbeSample): SparkPoint {
  const value = sample.component === 'blob' ? ((sample.metrics as BlobMetrics | null)?.lagSeconds ?? null) : sample.latencyMs;
  return { at: sample.at.toISOString(), value: sample.ok ? value : null, ok: sample.ok };
}

/** The newest SPARK_POINTS samples of each component/region, oldest first (samples arrive oldest first). */
export function toTileSparklines(samples: readonly StoredProbeSample[]): Map<TileKey, Spark> {
  const byTile = new Map<TileKey, Spark>();
  for (const sample of samples) {
    const key = tileKey(sample.component, sample.region);
    const spark = byTile.get(key) ?? { unit: sample.component === 'blob' ? 's' : 'ms', label: sample.component === 'blob' ? 'geo-replication lag' : 'probe latency', points: [] };
    spark.points.push(point(sample));
    if (spark.points.length > SPARK_POINTS) spark.points.shift();
    byTile.set(key, spark);
  }
  return byTile;
}
