import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobService, type BlobService } from '@/lab/blob/start-blob-service';
import { startRedisNode, type RedisNode } from '@/lab/redis/start-redis-node';
import { findFreePort } from '@/lab/shared/find-free-port';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { parseConfig } from '@/lib/config/load-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { noteOneShotMaster } from '@/lib/db/replication/note-one-shot-master';
import { startReplicationRun } from '@/lib/db/replication/start-replication-run';
import { MANIFEST_SUFFIX } from './redis-backup-manifest';
import { backupRedisToBlob } from './redis-backup-to-blob';
import { restoreRedisToSecondary } from './restore-redis-to-secondary';

let dir: string;
let primary: RedisNode;
let secondary: RedisNode;
let blob: BlobService;
let database: TestDatabase;
let config: LifeboatConfig;

async function fill(url: string, prefix: string, count: number): Promise<void> {
  const writer = new Redis(url);
  const batch = writer.pipeline();
  for (let i = 0; i < count; i += 1) batch.set(`${prefix}:${i}`, `${prefix}-${i}`);
  await batch.exec();
  writer.disconnect();
}

async function snapshotOf(url: string): Promise<{ keys: number; sample: string | null; role: string | undefined }> {
  const reader = new Redis(url);
  try {
    const role = /^role:(.*)$/m.exec(await reader.info('replication'))?.[1]?.trim();
    return { keys: await reader.dbsize(), sample: await reader.get('cache:7'), role };
  } finally {
    reader.disconnect();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-redis-restore-'));
  [primary, secondary, blob, database] = await Promise.all([
    startRedisNode({ name: 'restore-primary', port: await findFreePort(), dataDir: path.join(dir, 'primary') }),
    startRedisNode({ name: 'restore-secondary', port: await findFreePort(), dataDir: path.join(dir, 'secondary') }),
    startBlobService({ port: 0, stateDir: path.join(dir, 'blob') }),
    createTestDatabase(),
  ]);
  const lab = parseConfig(await readFile('config/lab.yaml', 'utf8'), 'config/lab.yaml', process.env);
  config = {
    ...lab,
    components: {
      ...lab.components,
      redis: { ...lab.components.redis, primary: { url: primary.url }, secondary: { url: secondary.url } },
      blob: { ...lab.components.blob, primaryUrl: blob.url, secondaryUrl: blob.secondaryUrl },
    },
  };
  await Promise.all([fill(primary.url, 'cache', 2_000), fill(secondary.url, 'stale', 50)]);
});

afterAll(async () => {
  await Promise.all([primary?.stop(), secondary?.stop(), blob?.stop(), database?.drop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('restoreRedisToSecondary against two real redis-servers (AOF on) and Azurite', () => {
  it('refuses a backup whose bytes differ from the manifest, and the secondary keeps its data', async () => {
    const backup = await backupRedisToBlob(database.db, config, { trigger: 'test' });
    if (!backup.ok) throw new Error(backup.error);
    const container = blobServiceClient(blob.url, config.components.blob, config.azure).getContainerClient(config.components.blob.containers.redisBackups);
    const manifestBlob = container.getBlockBlobClient(`${backup.blobName}${MANIFEST_SUFFIX}`);
    const honest = JSON.stringify(backup.manifest);
    const lying = JSON.stringify({ ...backup.manifest, sha256: 'f'.repeat(64) });
    await manifestBlob.upload(lying, Buffer.byteLength(lying));

    const run = await restoreRedisToSecondary(database.db, config, { trigger: 'test' });
    expect(run.state).toBe('failed');
    expect(run.error).toContain(`checksum mismatch: the backup's sha256 is ${backup.manifest.sha256}`);
    expect(await snapshotOf(secondary.url)).toEqual({ keys: 50, sample: null, role: 'master' });
    await manifestBlob.upload(honest, Buffer.byteLength(honest));
  });

  it('replaces the secondary data with the newest backup, promotes it back, and the data survives a restart', async () => {
    const run = await restoreRedisToSecondary(database.db, config, { trigger: 'manual', requestedBy: 'ops@lab' });
    expect(run.error).toBeNull();
    expect(run).toMatchObject({ job: 'redis-restore', region: 'secondary', state: 'succeeded', requestedBy: 'ops@lab' });
    expect(run.details).toMatchObject({ keys: 2_000, previousKeys: 50 });
    expect(await snapshotOf(secondary.url)).toEqual({ keys: 2_000, sample: 'cache-7', role: 'master' });

    // Writable again, and AOF has the restored data: a restart keeps it.
    const writer = new Redis(secondary.url);
    await writer.set('written-after-restore', 'yes');
    writer.disconnect();
    await secondary.setDown(true);
    await secondary.setDown(false);
    expect((await snapshotOf(secondary.url)).keys).toBe(2_001);
  });

  it('takes back a secondary left following the one-shot master of a restore whose worker died, but never one following a real master', async () => {
    const deadPort = await findFreePort();
    const left = await startReplicationRun(database.db, { job: 'redis-restore', target: 'redis', region: 'secondary', trigger: 'runbook', requestedBy: 'runbook:dead' });
    await noteOneShotMaster(database.db, left.id, `127.0.0.1:${deadPort}`);
    const follow = async (port: number) => {
      const admin = new Redis(secondary.url);
      await admin.call('REPLICAOF', '127.0.0.1', String(port));
      admin.disconnect();
    };
    await follow(deadPort);
    const resumed = await restoreRedisToSecondary(database.db, config, { trigger: 'runbook', requestedBy: 'runbook:resumed' });
    expect(resumed.error).toBeNull();
    expect(await snapshotOf(secondary.url)).toMatchObject({ keys: 2_000, role: 'master' });

    const stranger = await findFreePort();
    await follow(stranger);
    const refused = await restoreRedisToSecondary(database.db, config, { trigger: 'test' });
    expect(refused.error).toMatch(new RegExp(`check role: it is a slave of another master \\(127\\.0\\.0\\.1:${stranger}\\)`));
    const admin = new Redis(secondary.url);
    await admin.call('REPLICAOF', 'NO', 'ONE');
    admin.disconnect();
  });

  it('fails with the reason when the secondary Redis is down, and when Blob holds no backup', async () => {
    await secondary.setDown(true);
    const down = await restoreRedisToSecondary(database.db, config, { trigger: 'test' });
    expect(down.state).toBe('failed');
    expect(down.error).toMatch(/^secondary Redis: check role: .*ECONNREFUSED/);

    const emptyBlob = { ...config, components: { ...config.components, blob: { ...config.components.blob, containers: { ...config.components.blob.containers, redisBackups: 'empty-redis-backups' } } } };
    const none = await restoreRedisToSecondary(database.db, emptyBlob, { trigger: 'test' });
    expect(none.error).toMatch(/^Blob: find newest verified backup: /);
  });
});
