import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import { startReplicationRun, type ReplicationTrigger } from '@/lib/db/replication/start-replication-run';
import { newestRedisBackup } from './newest-redis-backup';
import { restoreRedisBackup } from './restore-redis-backup';
import { startScratchRedis } from './start-scratch-redis';
import { downloadHashed } from './download-hashed';

export type VerifyRedisOptions = { trigger: ReplicationTrigger; requestedBy?: string };

export type VerifyRedisResult =
  | { ok: true; runId: string; blobName: string; keys: number; bytes: number }
  | { ok: false; runId: string; blobName: string | null; error: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Restores the newest verified Redis backup of the primary region into a scratch redis-server
 * (own temp dir, AOF on), checking sha256 and size on the way and DBSIZE against the manifest.
 * Records a `redis-verify` run; the scratch server and its dir are always removed.
 */
export async function verifyNewestRedisBackup(db: Db, config: LifeboatConfig, options: VerifyRedisOptions = { trigger: 'schedule' }): Promise<VerifyRedisResult> {
  const regionName = config.regions.primary.name;
  const runId = (await startReplicationRun(db, { job: 'redis-verify', target: 'redis', region: 'primary', trigger: options.trigger, requestedBy: options.requestedBy })).id;
  let blobName: string | null = null;
  let stage = 'finding the newest verified backup';
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-redis-verify-'));
  let scratch: Awaited<ReturnType<typeof startScratchRedis>> | undefined;
  try {
    const { container, prefix, newest } = await newestRedisBackup(config);
    if (!newest) throw new Error(`no verified backup under ${prefix} in container ${container.containerName}`);
    blobName = newest.blobName;
    const { manifest } = newest;

    stage = `downloading ${blobName}`;
    const { stream: hashed, sha256: digest } = await downloadHashed(container.getBlockBlobClient(blobName));
    const dataDir = path.join(scratchDir, 'data');
    const { bytes } = await restoreRedisBackup(hashed, dataDir);
    const sha256 = digest();
    if (bytes !== manifest.size) throw new Error(`size ${bytes} B differs from the manifest's ${manifest.size} B`);
    if (sha256 !== manifest.sha256) throw new Error(`sha256 ${sha256} differs from the manifest's ${manifest.sha256}`);

    stage = 'starting the scratch redis-server';
    scratch = await startScratchRedis(dataDir);
    stage = 'counting keys';
    const keys = await scratch.client.dbsize();
    if (keys !== manifest.keys) throw new Error(`restored ${keys} keys, the manifest says ${manifest.keys}`);
    await finishReplicationRun(db, runId, { state: 'succeeded', bytes, details: { blob: blobName, regionName, keys, sha256, takenAt: manifest.takenAt } });
    return { ok: true, runId, blobName, keys, bytes };
  } catch (caught) {
    const error = `${stage}: ${message(caught)}`;
    await finishReplicationRun(db, runId, { state: 'failed', error, details: { blob: blobName, regionName } });
    return { ok: false, runId, blobName, error };
  } finally {
    await scratch?.stop();
    await rm(scratchDir, { recursive: true, force: true });
  }
}
