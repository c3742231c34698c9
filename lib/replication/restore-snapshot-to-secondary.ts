import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { startReplicationRun, type StartReplicationRun } from '@/lib/db/replication/start-replication-run';
import { describeFailure } from './describe-failure';
import { newestVerifiedSnapshots } from './newest-verified-snapshots';
import { qdrantNode } from './qdrant-client';
import type { SnapshotManifest } from './snapshot-manifest';
import { snapshotReadUrl } from './snapshot-read-url';

export type RestoreSnapshotOptions = Pick<StartReplicationRun, 'trigger' | 'requestedBy'> & {
  sasMinutes?: number;
  /** Where to recover: the secondary on schedule, the primary when failing back (from the secondary's snapshots). */
  region?: 'primary' | 'secondary';
};

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/**
 * Recovers the secondary (or `options.region`) Qdrant's collection from the newest verified snapshot
 * the other region took: the target downloads it itself through a short-lived read-only SAS URL and checks the manifest's
 * sha256; then its points count must equal the manifest's. A refused recover leaves its data as it was.
 */
export async function restoreSnapshotToSecondary(db: Db, config: LifeboatConfig, collection: string, options: RestoreSnapshotOptions): Promise<ReplicationRun> {
  const region = options.region ?? 'secondary';
  const source = region === 'secondary' ? 'primary' : 'secondary';
  const run = await startReplicationRun(db, { job: 'qdrant-restore', target: collection, region, trigger: options.trigger, requestedBy: options.requestedBy });
  const { client } = qdrantNode(config, region);
  let stage = 'Blob: find newest verified snapshot';
  let manifest: SnapshotManifest | undefined;
  let previousPoints: number | null = null;
  try {
    manifest = (await newestVerifiedSnapshots(config, collection, config.regions[source].name)).get(collection);
    if (manifest === undefined) throw new Error(`no verified snapshot of ${collection} from ${config.regions[source].name} in Blob`);
    stage = 'Blob: sign read-only SAS URL';
    const { url } = await snapshotReadUrl(config, manifest.blobName, options.sasMinutes ?? 15);
    stage = `${region} Qdrant: count points before recover`;
    previousPoints = await client.count(collection, { exact: true }).then(
      (answer) => answer.count,
      (error: unknown) => {
        // Not restored yet: recover creates it (priority "snapshot").
        if (statusOf(error) === 404) return null;
        throw error;
      },
    );
    stage = `${region} Qdrant: recover from snapshot`;
    await client.recoverSnapshot(collection, { location: url, checksum: manifest.sha256, priority: 'snapshot' });
    stage = `${region} Qdrant: count points after recover`;
    const points = (await client.count(collection, { exact: true })).count;
    if (points !== manifest.pointsCount) throw new Error(`${region} has ${points} points, the manifest says ${manifest.pointsCount}`);
    const finished = await finishReplicationRun(db, run.id, {
      state: 'succeeded',
      bytes: manifest.size,
      details: { snapshotName: manifest.snapshotName, snapshotCreatedAt: manifest.snapshotCreatedAt, points, previousPoints },
    });
    return finished ?? run;
  } catch (error) {
    const details = manifest === undefined ? { previousPoints } : { snapshotName: manifest.snapshotName, snapshotCreatedAt: manifest.snapshotCreatedAt, previousPoints };
    const finished = await finishReplicationRun(db, run.id, { state: 'failed', error: `${stage}: ${describeFailure(error)}`, details });
    return finished ?? run;
  }
}
