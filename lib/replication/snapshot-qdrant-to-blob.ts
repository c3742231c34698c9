import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { startReplicationRun, type StartReplicationRun } from '@/lib/db/replication/start-replication-run';
import { createUnstoredSnapshot } from './create-unstored-snapshot';
import { deleteBlobWrittenBy, WRITTEN_BY_RUN } from './delete-blob-written-by';
import { describeFailure } from './describe-failure';
import { qdrantNode } from './qdrant-client';
import { manifestBlobName, snapshotBlobName, type SnapshotManifest } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';
import { SnapshotStreamError, streamSnapshotToBlob } from './stream-snapshot-to-blob';

export type SnapshotQdrantOptions = Pick<StartReplicationRun, 'trigger' | 'requestedBy'> & {
  /** Bytes uploaded so far (for progress display; tests use it to fail Blob mid-upload). */
  onProgress?: (uploadedBytes: number) => void;
  /** Whose collection to snapshot: the primary on schedule, the secondary when failing back. */
  region?: 'primary' | 'secondary';
};

/** Qdrant writes creation_time without a zone; it is UTC. */
function toIsoUtc(creationTime: string | null | undefined, fallback: Date): string {
  if (!creationTime) return fallback.toISOString();
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(creationTime) ? creationTime : `${creationTime}Z`);
  return Number.isNaN(ms) ? fallback.toISOString() : new Date(ms).toISOString();
}

class StageError extends Error {
  constructor(stage: string, cause: unknown) {
    super(`${stage}: ${describeFailure(cause)}`);
  }
}

async function step<T>(stage: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StageError ? error : new StageError(stage, error);
  }
}

/**
 * Snapshots one collection of the primary (or `options.region`) into Blob: Qdrant's download streamed through sha256 into blocks
 * (stream-snapshot-to-blob.ts), checked against Qdrant's checksum, then the manifest written last. Any
 * failure removes the snapshot blob this run wrote (never one already stored) and ends the run failed with
 * the reason; Qdrant's file is always removed.
 */
export async function snapshotQdrantToBlob(db: Db, config: LifeboatConfig, collection: string, options: SnapshotQdrantOptions): Promise<ReplicationRun> {
  const region = options.region ?? 'primary';
  const run = await startReplicationRun(db, { job: 'qdrant-snapshot', target: collection, region, trigger: options.trigger, requestedBy: options.requestedBy });
  const node = qdrantNode(config, region);
  const container = snapshotContainer(config);
  let snapshotName: string | null = null;
  let uploadStarted = false;
  let bytes = 0;
  try {
    const points = await step(`${region} Qdrant: count points`, async () => (await node.client.count(collection, { exact: true })).count);
    await step('Blob: create container', () => container.createIfNotExists());
    const isStored = (name: string) =>
      step('Blob: look up the snapshot name', async () => {
        const found = await Promise.all([snapshotBlobName(collection, name), manifestBlobName(collection, name)].map((blob) => container.getBlobClient(blob).exists()));
        return found.includes(true);
      });
    const snapshot = await step(`${region} Qdrant: create snapshot`, () => createUnstoredSnapshot(node, collection, isStored));
    snapshotName = snapshot.name;
    const blobName = snapshotBlobName(collection, snapshot.name);
    uploadStarted = true;
    const streamed = await streamSnapshotToBlob(node, collection, snapshot.name, container.getBlockBlobClient(blobName), {
      metadata: { qdrantchecksum: snapshot.checksum, [WRITTEN_BY_RUN]: run.id },
      conditions: { ifNoneMatch: '*' },
      onProgress: options.onProgress,
    }).catch((error: unknown) => {
      if (!(error instanceof SnapshotStreamError)) throw error;
      bytes = error.bytes;
      throw new StageError(error.side === 'download' ? `${region} Qdrant: download snapshot` : 'Blob: upload snapshot', error.failure);
    });
    bytes = streamed.bytes;
    const { sha256, seconds: uploadSeconds } = streamed;
    if (sha256 !== snapshot.checksum.toLowerCase()) {
      throw new Error(`checksum mismatch: streamed ${bytes} bytes with sha256 ${sha256}, Qdrant reported ${snapshot.checksum}`);
    }
    if (typeof snapshot.size === 'number' && snapshot.size !== bytes) throw new Error(`size mismatch: streamed ${bytes} bytes, Qdrant reported ${snapshot.size}`);

    const manifest: SnapshotManifest = {
      collection,
      snapshotName: snapshot.name,
      blobName,
      pointsCount: points,
      size: bytes,
      sha256,
      sourceRegion: config.regions[region].name,
      snapshotCreatedAt: toIsoUtc(snapshot.creation_time, new Date(run.startedAt)),
      uploadedAt: new Date().toISOString(),
      verified: true,
    };
    const text = JSON.stringify(manifest, null, 2);
    await step('Blob: write manifest', () =>
      container
        .getBlockBlobClient(manifestBlobName(collection, snapshot.name))
        .upload(text, Buffer.byteLength(text), { blobHTTPHeaders: { blobContentType: 'application/json' }, conditions: { ifNoneMatch: '*' } }),
    );
    const throughputMBps = Math.round((bytes / 1e6 / Math.max(uploadSeconds, 1e-3)) * 10) / 10;
    const finished = await finishReplicationRun(db, run.id, {
      state: 'succeeded',
      bytes,
      details: { snapshotName: snapshot.name, blobName, sha256, points, snapshotCreatedAt: manifest.snapshotCreatedAt, throughputMBps },
    });
    return finished ?? run;
  } catch (error) {
    if (uploadStarted && snapshotName !== null) {
      // Best effort: if Blob is down this fails too, and the missing manifest keeps the blob out of "latest".
      await deleteBlobWrittenBy(container.getBlobClient(snapshotBlobName(collection, snapshotName)), run.id).catch(() => undefined);
    }
    const finished = await finishReplicationRun(db, run.id, {
      state: 'failed',
      error: error instanceof StageError ? error.message : describeFailure(error),
      bytes,
      details: snapshotName === null ? {} : { snapshotName },
    });
    return finished ?? run;
  } finally {
    if (snapshotName !== null) {
      const name = snapshotName;
      await node.client.deleteSnapshot(collection, name).catch(() => undefined);
    }
  }
}
