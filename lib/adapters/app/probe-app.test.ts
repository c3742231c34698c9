import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProtectedApp, type ProtectedApp } from '@/lab/protected-app/start-protected-app';
import { startQdrantEmulator, type QdrantEmulator } from '@/lab/qdrant/start-qdrant-emulator';
import { startRedisNode, type RedisNode } from '@/lab/redis/start-redis-node';
import { findFreePort } from '@/lab/shared/find-free-port';
import { probeApp } from './probe-app';

let dir: string;
let qdrant: QdrantEmulator;
let redis: RedisNode;
let app: ProtectedApp;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-probe-app-'));
  [qdrant, redis] = await Promise.all([
    startQdrantEmulator({ port: 0, dataDir: path.join(dir, 'qdrant') }),
    startRedisNode({ name: 'probe-app-redis', port: await findFreePort(), dataDir: path.join(dir, 'redis') }),
  ]);
  app = await startProtectedApp({ port: 0, region: 'canadacentral', qdrantUrl: qdrant.url, redisUrl: redis.url, collection: 'documents' });
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([qdrant?.stop(), redis?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const health = () => ({ region: 'primary' as const, healthUrl: `${app.url}/health` });

describe('probeApp against the lab protected app', () => {
  it('reads ok from /health', async () => {
    expect(await probeApp(health())).toMatchObject({ component: 'app', region: 'primary', target: '-', ok: true, error: null, metrics: { status: 'ok', httpStatus: 200 } });
  });

  it('keeps the answer of an app that reports itself unavailable, as a failed probe', async () => {
    await qdrant.setDown(true);
    try {
      const result = await probeApp(health());
      expect(result).toMatchObject({ ok: false, error: 'app reports unavailable (HTTP 503)', metrics: { status: 'unavailable', httpStatus: 503 } });
    } finally {
      await qdrant.setDown(false);
    }
  });

  it('times out beyond the deadline; a stopped app is refused with metrics null', async () => {
    app.setLatency(1_000);
    try {
      expect(await probeApp(health(), { timeoutMs: 250 })).toMatchObject({ ok: false, error: 'timed out after 250 ms', metrics: null });
    } finally {
      app.setLatency(0);
    }
    await app.setDown(true);
    try {
      const down = await probeApp(health());
      expect(down).toMatchObject({ ok: false, metrics: null });
      expect(down.error).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    } finally {
      await app.setDown(false);
    }
  });
});
