import { createHash } from 'node:crypto';
import { watch } from 'node:fs';
import { readFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBlobService, type BlobService } from '@/lab/blob/start-blob-service';
import { startRedisNode, type RedisNode } from '@/lab/redis/start-redis-node';
import { findFreePort } from '@/lab/shared/find-free-port';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { parseConfig } from '@/lib/config/load-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { backupRedisToBlob } from './redis-backup-to-blob';
import { MANIFEST_SUFFIX } from './redis-backup-manifest';
import { verifyNewestRedisBackup } from './verify-redis-backup';

const KEYS = 3_000;
let dir: string;
let node: RedisNode;
let blob: BlobService;
let database: TestDatabase;
let config: LifeboatConfig;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-redis-backup-'));
  [node, blob, database] = await Promise.all([
    startRedisNode({ name: 'backup-redis', port: await findFreePort(), dataDir: path.join(dir, 'redis') }),
    startBlobService({ port: 0, stateDir: path.join(dir, 'blob') }),
    createTestDatabase(),
  ]);
  const lab = parseConfig(await readFile('config/lab.yaml', 'utf8'), 'config/lab.yaml', process.env);
  const components = lab.components;
  config = {
    ...lab,
    components: {
      ...components,
      redis: { ...components.redis, primary: { url: node.url } },
      blob: { ...components.blob, primaryUrl: blob.url, secondaryUrl: blob.secondaryUrl },
    },
  };
  const writer = new Redis(node.url);
  const pipeline = writer.pipeline();
  for (let i = 0; i < KEYS - 2; i += 1) pipeline.set(`doc:${i}`, `value-${i}-${'x'.repeat(i % 200)}`);
  pipeline.hset('session:alice', { role: 'Approver' }).rpush('queue', 'a', 'b', 'c');
  await pipeline.exec();
  writer.disconnect();
});

afterAll(async () => {
  await Promise.all([node?.stop(), blob?.stop(), database?.drop()]);
  await rm(dir, { recursive: true, force: true });
});

const container = () => blobServiceClient(blob.url, config.components.blob, config.azure).getContainerClient(config.components.blob.containers.redisBackups);
const runOf = (id: string) => database.db.replicationRun.findUniqueOrThrow({ where: { id: BigInt(id) } });
async function manifestNames(): Promise<string[]> {
  const names: string[] = [];
  if (!(await container().exists())) return names;
  for await (const item of container().listBlobsFlat()) if (item.name.endsWith(MANIFEST_SUFFIX)) names.push(item.name);
  return names;
}

describe('backupRedisToBlob + verifyNewestRedisBackup against a real redis-server and Azurite', () => {
  it('streams a consistent RDB and its manifest to Blob; the sha256 matches a re-download', async () => {
    const started = performance.now();
    const result = await backupRedisToBlob(database.db, config, { trigger: 'test', requestedBy: 'ops@lab' });
    const elapsedMs = performance.now() - started;
    if (!result.ok) throw new Error(result.error);
    expect(result.blobName).toMatch(/^redis\/canadacentral\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.rdb$/);
    expect(result.manifest).toMatchObject({ keys: KEYS, sourceRegion: 'canadacentral', verified: true });

    const bytes = await container().getBlockBlobClient(result.blobName).downloadToBuffer();
    expect(bytes.subarray(0, 5).toString()).toBe('REDIS');
    expect(bytes[bytes.length - 9]).toBe(0xff); // RDB EOF opcode + 8-byte CRC64: no replication EOF mark left behind
    expect(bytes.length).toBe(result.manifest.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(result.manifest.sha256);
    const stored = JSON.parse((await container().getBlockBlobClient(`${result.blobName}${MANIFEST_SUFFIX}`).downloadToBuffer()).toString()) as unknown;
    expect(stored).toEqual(result.manifest);

    const run = await runOf(result.runId);
    expect(run).toMatchObject({ job: 'redis-backup', state: 'succeeded', trigger: 'test', requestedBy: 'ops@lab', error: null, bytes: BigInt(bytes.length) });
    console.info(`redis backup: ${KEYS} keys, ${bytes.length} B in ${elapsedMs.toFixed(0)} ms`);
  });

  it('restores the newest backup into a scratch Redis with AOF on, with the manifest key count, and cleans up', async () => {
    // The scratch dir goes under os.tmpdir(), shared with other test files: point TMPDIR at a folder of our own,
    // see this run create its scratch dir there, and find the folder empty afterwards.
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    const created: string[] = [];
    const watcher = watch(tmp, (_event, name) => void (name && created.push(name)));
    vi.stubEnv('TMPDIR', tmp);
    const started = performance.now();
    const result = await verifyNewestRedisBackup(database.db, config, { trigger: 'test' }).finally(() => {
      vi.unstubAllEnvs();
      watcher.close();
    });
    const elapsedMs = performance.now() - started;
    if (!result.ok) throw new Error(result.error);
    expect(result.keys).toBe(KEYS);
    expect(await runOf(result.runId)).toMatchObject({ job: 'redis-verify', state: 'succeeded', error: null });
    expect(created.some((name) => name.startsWith('lifeboat-redis-verify-'))).toBe(true);
    expect(await readdir(tmp)).toEqual([]);
    console.info(`redis verify: ${result.keys} keys, ${result.bytes} B in ${elapsedMs.toFixed(0)} ms`);
  });

  it('fails the run with the reason when the primary Redis is down, and writes no manifest', async () => {
    const manifests = await manifestNames();
    await node.setDown(true);
    try {
      const result = await backupRedisToBlob(database.db, config, { trigger: 'test' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatch(/^primary Redis: .*ECONNREFUSED/);
      expect(await runOf(result.runId)).toMatchObject({ state: 'failed', error: result.error });
      expect(await manifestNames()).toEqual(manifests);
    } finally {
      await node.setDown(false);
    }
  });

  it('fails the run when Blob is down, writes no manifest and leaves no blob behind', async () => {
    const manifests = await manifestNames();
    await blob.setDown(true);
    let result;
    try {
      result = await backupRedisToBlob(database.db, config, { trigger: 'test' });
    } finally {
      await blob.setDown(false);
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^Blob container redis-backups: .*ECONNREFUSED/);
    expect(await runOf(result.runId)).toMatchObject({ state: 'failed', error: result.error });
    expect(await manifestNames()).toEqual(manifests);
  });

  it('fails verification with a checksum mismatch when the newest RDB was altered in Blob', async () => {
    const backup = await backupRedisToBlob(database.db, config, { trigger: 'test' });
    if (!backup.ok) throw new Error(backup.error);
    const original = await container().getBlockBlobClient(backup.blobName).downloadToBuffer();
    const altered = Buffer.from(original);
    altered[20] = (altered[20] ?? 0) ^ 0xff;
    await container().getBlockBlobClient(backup.blobName).uploadData(altered);
    const result = await verifyNewestRedisBackup(database.db, config, { trigger: 'test' });
    expect(result).toMatchObject({ ok: false, blobName: backup.blobName });
    if (result.ok) return;
    expect(result.error).toMatch(/sha256 [0-9a-f]{64} differs from the manifest's/);
    expect(await runOf(result.runId)).toMatchObject({ job: 'redis-verify', state: 'failed', error: result.error });
  });
});
