import { createHash } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { Redis } from 'ioredis';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readSecret } from '@/lib/config/read-secret';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import { startReplicationRun, type ReplicationTrigger } from '@/lib/db/replication/start-replication-run';
import { MANIFEST_SUFFIX, type RedisBackupManifest } from './redis-backup-manifest';
import { streamRedisRdb } from './stream-redis-rdb';

export type BackupRedisOptions = {
  trigger: ReplicationTrigger;
  requestedBy?: string;
  now?: () => Date;
  /** Whose Redis to back up: the primary on schedule, the secondary before a failback. */
  region?: 'primary' | 'secondary';
};

export type BackupRedisResult =
  | { ok: true; runId: string; blobName: string; manifest: RedisBackupManifest }
  | { ok: false; runId: string; error: string };

const UPLOAD_BUFFER_BYTES = 8 * 1024 * 1024;
const UPLOAD_CONCURRENCY = 4;

function message(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** DBSIZE with one attempt: a down server must fail now, not queue. */
async function countKeys(url: string, password: string | undefined): Promise<number> {
  const redis = new Redis(url, { password, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 5_000, retryStrategy: () => null });
  let socketError: Error | undefined;
  redis.on('error', (error: Error) => (socketError = error));
  try {
    await redis.connect().catch((error: unknown) => {
      throw socketError ?? error;
    });
    return await redis.dbsize();
  } finally {
    redis.disconnect();
  }
}

/**
 * A consistent point-in-time RDB of the primary (or `options.region`) Redis, streamed through sha256 into Blob at
 * `redis/<region>/<timestamp>.rdb`, then its manifest, written last. Records a `redis-backup` run;
 * on any failure the run is failed with the reason, no manifest exists and the partial blob is removed.
 */
export async function backupRedisToBlob(db: Db, config: LifeboatConfig, options: BackupRedisOptions): Promise<BackupRedisResult> {
  const role = options.region ?? 'primary';
  const region = config.regions[role].name;
  const redisSettings = config.components.redis[role];
  const blob = config.components.blob;
  const containerName = blob.containers.redisBackups;
  const takenAt = (options.now ?? (() => new Date()))();
  const blobName = `redis/${region}/${takenAt.toISOString().replace(/[:.]/g, '-')}.rdb`;
  const runId = (await startReplicationRun(db, { job: 'redis-backup', target: 'redis', region: role, trigger: options.trigger, requestedBy: options.requestedBy })).id;
  const container = blobServiceClient(blob.primaryUrl, blob, config.azure).getContainerClient(containerName);
  const rdbBlob = container.getBlockBlobClient(blobName);
  let stage = `${role} Redis`;
  let uploadStarted = false;
  try {
    const password = readSecret(redisSettings.passwordEnv);
    // DBSIZE just before the fork; under concurrent writes it can differ slightly from the RDB's own count.
    const keys = await countKeys(redisSettings.url, password);
    stage = `Blob container ${containerName}`;
    await container.createIfNotExists();

    stage = 'RDB transfer to Blob';
    const hash = createHash('sha256');
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = streamRedisRdb({ url: redisSettings.url, password });
    let sourceError: Error | undefined;
    // A source failure destroys `counted` with the error, so uploadStream rejects instead of committing a partial blob.
    pipeline(source, counted, (error) => {
      if (error) sourceError = error;
    });
    uploadStarted = true;
    try {
      await rdbBlob.uploadStream(counted, UPLOAD_BUFFER_BYTES, UPLOAD_CONCURRENCY, { blobHTTPHeaders: { blobContentType: 'application/octet-stream' } });
    } catch (error) {
      throw sourceError ? new Error(`${role} Redis: ${message(sourceError)}`) : error;
    }
    if (sourceError) throw new Error(`${role} Redis: ${message(sourceError)}`);

    const manifest: RedisBackupManifest = { sha256: hash.digest('hex'), size, keys, sourceRegion: region, takenAt: takenAt.toISOString(), verified: true };
    stage = 'manifest upload';
    const body = JSON.stringify(manifest);
    await container.getBlockBlobClient(`${blobName}${MANIFEST_SUFFIX}`).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } });
    await finishReplicationRun(db, runId, { state: 'succeeded', bytes: size, details: { blob: blobName, container: containerName, regionName: region, ...manifest } });
    return { ok: true, runId, blobName, manifest };
  } catch (caught) {
    const error = message(caught).startsWith(`${role} Redis`) ? message(caught) : `${stage}: ${message(caught)}`;
    let cleanup = 'nothing uploaded';
    if (uploadStarted) {
      cleanup = await rdbBlob.deleteIfExists().then(
        (deleted) => (deleted.succeeded ? 'partial blob deleted' : 'no partial blob left'),
        (deleteError: unknown) => `partial blob not deleted: ${message(deleteError)}`,
      );
    }
    await finishReplicationRun(db, runId, { state: 'failed', error, details: { blob: blobName, container: containerName, regionName: region, cleanup } });
    return { ok: false, runId, error };
  }
}
