import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startQdrantEmulator, type QdrantEmulator } from './start-qdrant-emulator';
import { seededVectors } from './testing/call-qdrant';

const KEY = 'official-client-key';
let dir: string;
let qdrant: QdrantEmulator;
let client: QdrantClient;
const warnings: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-qdrant-client-'));
  qdrant = await startQdrantEmulator({ port: 0, dataDir: dir, apiKey: KEY, name: 'qdrant-client-test' });
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  client = new QdrantClient({ url: qdrant.url, apiKey: KEY, checkCompatibility: true });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await qdrant.stop();
  await rm(dir, { recursive: true, force: true });
});

const vectors = seededVectors(50, 16, 11);

describe('@qdrant/js-client-rest 1.19 against the emulator', () => {
  it('passes the client version check (GET /)', async () => {
    expect(await client.collectionExists('docs')).toEqual({ exists: false });
    expect(warnings.some((w) => w.includes('Api key is used with unsecure connection'))).toBe(true);
    // The check runs in the background from the constructor; give a failure time to be reported.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warnings.filter((w) => /incompatible|Failed to obtain server version/.test(w))).toEqual([]);
  });

  it('createCollection, upsert, count, query, getCollection', async () => {
    expect(await client.createCollection('docs', { vectors: { size: 16, distance: 'Cosine' } })).toBe(true);
    const upserted = await client.upsert('docs', {
      wait: true,
      points: vectors.map((vector, i) => ({ id: i === 0 ? '6f1c2b0e-7d43-4c8e-9a51-0f3b2d9e8a77' : i, vector, payload: { doc: `d${i}` } })),
    });
    expect(upserted).toEqual({ operation_id: 1, status: 'completed' });
    expect(await client.count('docs', { exact: true })).toEqual({ count: 50 });
    expect((await client.getCollection('docs')).points_count).toBe(50);

    const answer = await client.query('docs', { query: vectors[0], limit: 3, with_payload: true });
    expect(answer.points[0]).toMatchObject({ id: '6f1c2b0e-7d43-4c8e-9a51-0f3b2d9e8a77', payload: { doc: 'd0' } });
    expect(answer.points[0]?.score).toBeCloseTo(1, 5);
    expect(answer.points).toHaveLength(3);
  });

  it('createSnapshot, listSnapshots, recoverSnapshot, deleteSnapshot, collectionExists', async () => {
    const snapshot = await client.createSnapshot('docs', { wait: true });
    expect(snapshot?.checksum).toMatch(/^[0-9a-f]{64}$/);
    const listed = await client.listSnapshots('docs');
    expect(listed.map((s) => s.name)).toEqual([snapshot?.name]);

    const location = `${qdrant.url}/collections/docs/snapshots/${snapshot?.name}`;
    expect(await client.recoverSnapshot('copy', { location, priority: 'snapshot', checksum: snapshot?.checksum, api_key: KEY })).toBe(true);
    expect(await client.collectionExists('copy')).toEqual({ exists: true });
    expect(await client.count('copy', { exact: true })).toEqual({ count: 50 });

    expect(await client.deleteSnapshot('docs', snapshot!.name, { wait: true })).toBe(true);
    expect(await client.listSnapshots('docs')).toEqual([]);
  });

  it('surfaces Qdrant errors as the client expects (status + message)', async () => {
    await expect(client.createCollection('docs', { vectors: { size: 16, distance: 'Cosine' } })).rejects.toMatchObject({ status: 409 });
    await expect(client.count('missing', { exact: true })).rejects.toMatchObject({ status: 404 });
    const anonymous = new QdrantClient({ url: qdrant.url, checkCompatibility: false });
    await expect(anonymous.getCollections()).rejects.toMatchObject({ status: 401 });
  });
});
