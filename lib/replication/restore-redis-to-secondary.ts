import { Redis } from 'ioredis';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readSecret } from '@/lib/config/read-secret';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { noteOneShotMaster } from '@/lib/db/replication/note-one-shot-master';
import { wasOneShotMaster } from '@/lib/db/replication/was-one-shot-master';
import { startReplicationRun, type StartReplicationRun } from '@/lib/db/replication/start-replication-run';
import { describeFailure } from './describe-failure';
import { newestRedisBackup } from './newest-redis-backup';
import { serveRdbAsMaster, type RdbMaster } from './serve-rdb-as-master';
import { downloadHashed } from './download-hashed';

export type RestoreRedisOptions = Pick<StartReplicationRun, 'trigger' | 'requestedBy'> & {
  timeoutMs?: number;
  /** Where to restore: the secondary on schedule, the primary when failing back. */
  region?: 'primary' | 'secondary';
  /** Whose backups to read; by default the other region's. */
  source?: 'primary' | 'secondary';
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/** Until the replica has loaded the whole RDB from our master (link up, no sync in progress). */
async function waitForSync(redis: Redis, master: RdbMaster, deadline: number, region: string): Promise<void> {
  let failure: Error | undefined;
  master.sent.catch((error: unknown) => (failure = error instanceof Error ? error : new Error(String(error))));
  for (;;) {
    if (failure) throw failure;
    const info = await redis.info('replication');
    if (infoField(info, 'master_link_status') === 'up' && infoField(info, 'master_sync_in_progress') === '0') return;
    if (Date.now() > deadline) throw new Error(`the ${region} did not finish loading the backup in time`);
    await sleep(100);
  }
}

/**
 * Replaces the secondary (or `options.region`) Redis's data with the newest verified backup of the
 * other region: it streams from Blob through sha256 into a one-shot master that the target full-syncs
 * from (REPLICAOF), then it is promoted back. A bad checksum breaks the transfer; the target keeps its data.
 */
export async function restoreRedisToSecondary(db: Db, config: LifeboatConfig, options: RestoreRedisOptions): Promise<ReplicationRun> {
  const region = options.region ?? 'secondary';
  const source = options.source ?? (region === 'secondary' ? 'primary' : 'secondary');
  const run = await startReplicationRun(db, { job: 'redis-restore', target: 'redis', region, trigger: options.trigger, requestedBy: options.requestedBy });
  const settings = config.components.redis;
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const target = new Redis(settings[region].url, {
    password: readSecret(settings[region].passwordEnv),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5_000,
    retryStrategy: () => null,
  });
  let socketError: Error | undefined;
  target.on('error', (error: Error) => (socketError = error)); // named in the run's error: ioredis alone says "Connection is closed"
  let stage = 'Blob: find newest verified backup';
  let master: RdbMaster | undefined;
  let following = false;
  let details: Record<string, string | number> = {};
  try {
    const { container, prefix, newest } = await newestRedisBackup(config, source);
    if (!newest) throw new Error(`no verified backup under ${prefix} in container ${container.containerName}`);
    const { blobName, manifest } = newest;
    details = { blob: blobName, takenAt: manifest.takenAt, sha256: manifest.sha256 };

    stage = `${region} Redis: check role`;
    await target.connect().catch((error: unknown) => {
      throw socketError ?? error;
    });
    const replication = await target.info('replication');
    const role = infoField(replication, 'role');
    const followed = `${infoField(replication, 'master_host') ?? '?'}:${infoField(replication, 'master_port') ?? '?'}`;
    // A worker that died mid-restore leaves the target following its one-shot master: promote it back (it kept its data).
    if (role === 'slave' && (await wasOneShotMaster(db, region, followed))) await target.call('REPLICAOF', 'NO', 'ONE');
    else if (role !== 'master') throw new Error(`it is a ${role ?? 'server of unknown role'} of another master (${followed}); restoring would break that replication`);
    details.previousKeys = await target.dbsize();

    stage = `Blob: download ${blobName}`;
    const { stream: hashed, sha256 } = await downloadHashed(container.getBlockBlobClient(blobName));
    master = await serveRdbAsMaster({
      rdb: hashed,
      size: manifest.size,
      host: settings.restoreMaster.listenHost,
      approveLastBytes: async () => {
        const digest = sha256();
        return digest === manifest.sha256 ? null : `checksum mismatch: the backup's sha256 is ${digest}, the manifest says ${manifest.sha256}`;
      },
    });

    stage = `${region} Redis: full sync from the backup`;
    const advertise = settings.restoreMaster.advertiseHost ?? settings.restoreMaster.listenHost;
    await noteOneShotMaster(db, run.id, `${advertise}:${master.port}`);
    await target.call('REPLICAOF', advertise, String(master.port));
    following = true;
    await waitForSync(target, master, deadline, region);
    // Read-only while it follows: the count is exactly the backup's.
    const keys = await target.dbsize();
    stage = `${region} Redis: promote`;
    await target.call('REPLICAOF', 'NO', 'ONE');
    following = false;
    if (keys !== manifest.keys) throw new Error(`the ${region} holds ${keys} keys after the restore, the manifest says ${manifest.keys}`);
    const finished = await finishReplicationRun(db, run.id, { state: 'succeeded', bytes: manifest.size, details: { ...details, keys } });
    return finished ?? run;
  } catch (error) {
    const finished = await finishReplicationRun(db, run.id, { state: 'failed', error: `${stage}: ${describeFailure(error)}`, details });
    return finished ?? run;
  } finally {
    if (following) await target.call('REPLICAOF', 'NO', 'ONE').catch(() => undefined);
    await master?.close();
    target.disconnect();
  }
}
