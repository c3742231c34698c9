import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQdrantEmulator, type QdrantEmulator } from '@/lab/qdrant/start-qdrant-emulator';
import { probeQdrant } from './probe-qdrant';

let dir: string;
let qdrant: QdrantEmulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-probe-qdrant-'));
  qdrant = await startQdrantEmulator({ port: 0, dataDir: dir, name: 'probe-qdrant' });
  const client = new QdrantClient({ url: qdrant.url, checkCompatibility: false });
  await client.createCollection('documents', { vectors: { size: 4, distance: 'Cosine' } });
  await client.upsert('documents', { wait: true, points: [1, 2, 3].map((id) => ({ id, vector: [id, 1, 0, 0] })) });
  await client.createSnapshot('documents', { wait: true });
});
afterAll(async () => {
  await qdrant?.stop();
  await rm(dir, { recursive: true, force: true });
});

const settings = () => ({ region: 'primary' as const, url: qdrant.url, collections: ['documents', 'not-restored-yet'] });

describe('probeQdrant against the lab emulator', () => {
  it('reports readiness, points per collection (null for a missing one) and the newest snapshot', async () => {
    const before = Date.now();
    const result = await probeQdrant(settings());
    expect(result).toMatchObject({ component: 'qdrant', region: 'primary', target: '-', ok: true, error: null });
    expect(result.metrics?.collections).toEqual([
      { name: 'documents', points: 3 },
      { name: 'not-restored-yet', points: null },
    ]);
    expect(result.metrics?.newestSnapshot?.name).toMatch(/^documents-\d+-.+\.snapshot$/);
    const age = before - Date.parse(result.metrics?.newestSnapshot?.createdAt ?? '');
    expect(age).toBeGreaterThanOrEqual(-1000);
    expect(age).toBeLessThan(60_000);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('times out when the node answers later than the probe deadline', async () => {
    qdrant.setLatency(1_000);
    try {
      const started = Date.now();
      const result = await probeQdrant(settings(), { timeoutMs: 250 });
      expect(result).toMatchObject({ ok: false, error: 'timed out after 250 ms', metrics: null, latencyMs: null });
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      qdrant.setLatency(0);
    }
  });

  it('reports a refused connection when the node is down', async () => {
    await qdrant.setDown(true);
    try {
      const result = await probeQdrant(settings());
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    } finally {
      await qdrant.setDown(false);
    }
  });
});
