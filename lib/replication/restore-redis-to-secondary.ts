import { createHash } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { Redis } from 'ioredis';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readSecret } from '@/lib/config/read-secret';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { startReplicationRun, type StartReplicationRun } from '@/lib/db/replication/start-replication-run';
import { describeFailure } from './describe-failure';
import { newestRedisBackup } from './newest-redis-backup';
import { serveRdbAsMaster, type RdbMaster } from './serve-rdb-as-master';

export type RestoreRedisOptions = Pick<StartReplicationRun, 'trigger' | 'requestedBy'> & { timeoutMs?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/** Until the replica has loaded the whole RDB from our master (link up, no sync in progress). */
async function waitForSync(redis: Redis, master: RdbMaster, deadline: number): Promise<void> {
  let failure: Error | undefined;
  master.sent.catch((error: unknown) => (failure = error instanceof Error ? error : new Error(String(error))));
  for (;;) {
    if (failure) throw failure;
    const info = await redis.info('replication');
    if (infoField(info, 'master_link_status') === 'up' && infoField(info, 'master_sync_in_progress') === '0') return;
    if (Date.now() > deadline) throw new Error('the secondary did not finish loading the backup in time');
    await sleep(100);
  }
}

/**
 * Replaces the secondary Redis's data with the newest verified backup of the primary: the backup
 * streams from Blob through sha256 into a one-shot master that the secondary full-syncs from
 * (REPLICAOF), then it is promoted back. A bad checksum breaks the transfer; the secondary keeps its data.
 */
export async function restoreRedisToSecondary(db: Db, config: LifeboatConfig, options: RestoreRedisOptions): Promise<ReplicationRun> {
  const run = await startReplicationRun(db, { job: 'redis-restore', target: 'redis', region: 'secondary', trigger: options.trigger, requestedBy: options.requestedBy });
  const settings = config.components.redis;
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const secondary = new Redis(settings.secondary.url, {
    password: readSecret(settings.secondary.passwordEnv),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5_000,
    retryStrategy: () => null,
  });
  let socketError: Error | undefined;
  secondary.on('error', (error: Error) => (socketError = error)); // named in the run's error: ioredis alone says "Connection is closed"
  let stage = 'Blob: find newest verified backup';
  let master: RdbMaster | undefined;
  let following = false;
  let details: Record<string, string | number> = {};
  try {
    const { container, prefix, newest } = await newestRedisBackup(config);
    if (!newest) throw new Error(`no verified backup under ${prefix} in container ${container.containerName}`);
    const { blobName, manifest } = newest;
    details = { blob: blobName, takenAt: manifest.takenAt, sha256: manifest.sha256 };

    stage = 'secondary Redis: check role';
    await secondary.connect().catch((error: unknown) => {
      throw socketError ?? error;
    });
    const role = infoField(await secondary.info('replication'), 'role');
    if (role !== 'master') throw new Error(`it is a ${role ?? 'server of unknown role'} of another master; restoring would break that replication`);
    details.previousKeys = await secondary.dbsize();

    stage = `Blob: download ${blobName}`;
    const download = await container.getBlockBlobClient(blobName).download();
    if (!download.readableStreamBody) throw new Error('download returned no body');
    const hash = createHash('sha256');
    const hashed = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    pipeline(download.readableStreamBody, hashed, () => undefined); // an error destroys `hashed`, which breaks the transfer
    master = await serveRdbAsMaster({
      rdb: hashed,
      size: manifest.size,
      host: settings.restoreMaster.listenHost,
      approveLastBytes: async () => {
        const sha256 = hash.digest('hex');
        return sha256 === manifest.sha256 ? null : `checksum mismatch: the backup's sha256 is ${sha256}, the manifest says ${manifest.sha256}`;
      },
    });

    stage = 'secondary Redis: full sync from the backup';
    const advertise = settings.restoreMaster.advertiseHost ?? settings.restoreMaster.listenHost;
    await secondary.call('REPLICAOF', advertise, String(master.port));
    following = true;
    await waitForSync(secondary, master, deadline);
    // Read-only while it follows: the count is exactly the backup's.
    const keys = await secondary.dbsize();
    stage = 'secondary Redis: promote';
    await secondary.call('REPLICAOF', 'NO', 'ONE');
    following = false;
    if (keys !== manifest.keys) throw new Error(`the secondary holds ${keys} keys after the restore, the manifest says ${manifest.keys}`);
    const finished = await finishReplicationRun(db, run.id, { state: 'succeeded', bytes: manifest.size, details: { ...details, keys } });
    return finished ?? run;
  } catch (error) {
    const finished = await finishReplicationRun(db, run.id, { state: 'failed', error: `${stage}: ${describeFailure(error)}`, details });
    return finished ?? run;
  } finally {
    if (following) await secondary.call('REPLICAOF', 'NO', 'ONE').catch(() => undefined);
    await master?.close();
    secondary.disconnect();
  }
}
