import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobService, type BlobService } from '@/lab/blob/start-blob-service';
import { startRedisNode, type RedisNode } from '@/lab/redis/start-redis-node';
import { findFreePort } from '@/lab/shared/find-free-port';
import { blobServiceClient } from '../blob/blob-service-client';
import { probeRedis } from './probe-redis';

let dir: string;
let node: RedisNode;
let blob: BlobService;
let admin: Redis;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-probe-redis-'));
  [node, blob] = await Promise.all([
    startRedisNode({ name: 'probe-redis', port: await findFreePort(), dataDir: path.join(dir, 'redis') }),
    startBlobService({ port: 0, stateDir: path.join(dir, 'blob') }),
  ]);
  admin = new Redis(node.url);
  await admin.mset({ a: '1', b: '2', c: '3' });
});
afterAll(async () => {
  admin?.disconnect();
  await Promise.all([node?.stop(), blob?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const backups = (container: string) =>
  blobServiceClient(blob.url, { kind: 'blob', accountName: 'devstoreaccount1', primaryUrl: blob.url, secondaryUrl: blob.secondaryUrl, containers: { qdrantSnapshots: 'q', redisBackups: container, audit: 'audit' } }, { staticTokenForLab: true }).getContainerClient(container);

describe('probeRedis against a real redis-server', () => {
  it('measures ping, memory and keys; no backup container yet gives newestBackupAt null', async () => {
    const result = await probeRedis({ region: 'primary', url: node.url, backups: backups('redis-backups-none') });
    expect(result).toMatchObject({ component: 'redis', region: 'primary', target: '-', ok: true, error: null });
    expect(result.metrics).toMatchObject({ keys: 3, newestBackupAt: null });
    expect(result.metrics?.usedMemoryBytes).toBeGreaterThan(100_000);
    expect(result.metrics?.pingMs).toBeGreaterThan(0);
    expect(result.metrics?.pingMs).toBeLessThanOrEqual(result.latencyMs ?? 0);
  });

  it('reports the newest backup blob in the configured container', async () => {
    const container = backups('redis-backups');
    await container.create();
    await container.getBlockBlobClient('primary/older.rdb').upload('x', 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const newest = await container.getBlockBlobClient('primary/newer.rdb').upload('y', 1);
    const result = await probeRedis({ region: 'primary', url: node.url, backups: container });
    expect(result.metrics?.newestBackupAt).toBe(newest.lastModified?.toISOString());
  });

  it('times out on a server that does not answer (CLIENT PAUSE) and is refused when nothing listens', async () => {
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');
    const paused = await probeRedis({ region: 'secondary', url: node.url }, { timeoutMs: 300 });
    expect(paused).toMatchObject({ ok: false, error: 'timed out after 300 ms', metrics: null });

    const port = await findFreePort();
    const refused = await probeRedis({ region: 'secondary', url: `redis://127.0.0.1:${port}` });
    expect(refused).toMatchObject({ ok: false, error: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });
});
