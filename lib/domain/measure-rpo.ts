import { describeDuration } from './describe-duration';
import { measureAge } from './measure-age';
import type { ProbeResult } from './probe-results';
import { probesOf } from './probes-of';
import type { DataSetRpo } from './readiness-types';

/** What the replication pipelines know. Until they land, callers pass `{ qdrant: [], redisNewestBackupAt: null }`. */
export type ReplicationFacts = {
  /** Per collection, the creation time of the newest snapshot the secondary restored and validated. */
  qdrant: { collection: string; restoredSnapshotCreatedAt: Date | null }[];
  redisNewestBackupAt: Date | null;
  /** Per job and target, the newest finished run (absent where nobody read them). */
  latestRuns?: readonly LatestReplicationRun[];
};

export type LatestReplicationRun = { job: string; target: string; state: 'succeeded' | 'failed'; finishedAt: Date; error: string | null };

export type RpoInput = { latest: readonly ProbeResult[]; replication: ReplicationFacts; rpoMinutes: number; now: Date };
export type RpoMeasurement = { dataSets: DataSetRpo[]; worst: DataSetRpo | null; skewed: string[] };

const parse = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
const newest = (dates: (Date | null)[]) => dates.reduce<Date | null>((best, date) => (date && (!best || date > best) ? date : best), null);

/**
 * Current RPO per data set: Qdrant per collection (now − the restored snapshot's creation), Redis
 * (now − newest backup), Blob (now − Last Sync Time). Unknown is null, never 0. The worst is an
 * unknown one if any (it may be unbounded), else the largest.
 */
export function measureRpo(input: RpoInput): RpoMeasurement {
  const objectiveSeconds = input.rpoMinutes * 60;
  const skewed: string[] = [];
  const dataSet = (id: string, label: string, from: Date | null, basis: (age: string) => string, unknown: string): DataSetRpo => {
    if (!from) return { dataSet: id, label, rpoSeconds: null, objectiveSeconds, withinObjective: null, basis: unknown };
    const age = measureAge(from, input.now);
    if (age.skewed) skewed.push(id);
    const skewNote = age.skewed ? ` (${from.toISOString()} is in the future: clock skew, counted as 0)` : '';
    return { dataSet: id, label, rpoSeconds: age.seconds, objectiveSeconds, withinObjective: age.seconds <= objectiveSeconds, basis: basis(describeDuration(age.seconds)) + skewNote };
  };

  const collections = new Map(input.replication.qdrant.map((entry) => [entry.collection, entry.restoredSnapshotCreatedAt]));
  for (const probe of probesOf(input.latest, 'qdrant', 'primary')) {
    for (const collection of probe.metrics?.collections ?? []) if (!collections.has(collection.name)) collections.set(collection.name, null);
  }
  const qdrant = [...collections].map(([collection, restoredAt]) =>
    dataSet(`qdrant:${collection}`, `Qdrant ${collection}`, restoredAt, (age) => `newest snapshot restored and validated in the secondary was taken ${age} ago`, 'no snapshot restored and validated in the secondary yet'),
  );
  if (qdrant.length === 0) qdrant.push(dataSet('qdrant', 'Qdrant', null, () => '', 'no collection known: the primary Qdrant has not been probed and no snapshot was restored'));

  // Both regions' probes read the same backup container; the pipeline's own record wins when present.
  const probedBackup = newest([...probesOf(input.latest, 'redis', 'primary'), ...probesOf(input.latest, 'redis', 'secondary')].map((probe) => parse(probe.metrics?.newestBackupAt)));
  const redisBackup = input.replication.redisNewestBackupAt ?? probedBackup;
  const redis = dataSet('redis', 'Redis', redisBackup, (age) => `newest backup taken ${age} ago`, 'no Redis backup found yet');

  const blobProbe = probesOf(input.latest, 'blob', 'global')[0];
  const blobMetrics = blobProbe?.metrics ?? null;
  const lastSync = parse(blobMetrics?.lastSyncTime);
  const blob = lastSync
    ? dataSet('blob', 'Blob (GRS)', lastSync, (age) => `geo-replication ${blobMetrics?.geoStatus ?? 'status unknown'}, Last Sync Time ${age} ago`, '')
    : dataSet('blob', 'Blob (GRS)', null, () => '', blobProbe ? `no Last Sync Time (${blobProbe.error ?? `geo-replication ${blobMetrics?.geoStatus ?? 'unknown'}`})` : 'Blob geo-replication has not been probed');

  const dataSets = [...qdrant, redis, blob];
  const worst = dataSets.find((set) => set.rpoSeconds === null) ?? dataSets.reduce<DataSetRpo | null>((max, set) => (!max || (set.rpoSeconds ?? 0) > (max.rpoSeconds ?? 0) ? set : max), null);
  return { dataSets, worst, skewed };
}
