import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startQdrantEmulator, type QdrantEmulator } from './start-qdrant-emulator';
import { callQdrant, seededVectors } from './testing/call-qdrant';

let root: string;
const running = new Set<QdrantEmulator>();

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-qdrant-faults-'));
});
afterEach(async () => {
  await Promise.all([...running].map((emulator) => emulator.stop()));
  running.clear();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<QdrantEmulator> {
  const emulator = await startQdrantEmulator({ port: 0, dataDir, name: 'qdrant-faults' });
  running.add(emulator);
  return emulator;
}

async function stop(emulator: QdrantEmulator): Promise<void> {
  await emulator.stop();
  running.delete(emulator);
}

type Envelope<T> = { result: T };
async function result<T>(emulator: QdrantEmulator, method: string, route: string, json?: unknown): Promise<T> {
  const answer = await callQdrant(emulator.url, method, route, { json });
  if (answer.status !== 200) throw new Error(`${method} ${route} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as Envelope<T>).result;
}

async function seed(emulator: QdrantEmulator, collection: string, count: number, dim: number, seedValue = 1): Promise<number[][]> {
  const vectors = seededVectors(count, dim, seedValue);
  await result(emulator, 'PUT', `/collections/${collection}`, { vectors: { size: dim, distance: 'Cosine' } });
  for (let start = 0; start < count; start += 2000) {
    const points = vectors.slice(start, start + 2000).map((vector, i) => ({ id: start + i, vector, payload: { n: start + i } }));
    await result(emulator, 'PUT', `/collections/${collection}/points?wait=true`, { points });
  }
  return vectors;
}

describe('fault switches', () => {
  it('setDown refuses connections, then serves again on the same port with the data intact', async () => {
    const qdrant = await start(path.join(root, 'down'));
    await seed(qdrant, 'docs', 100, 8);
    await qdrant.setDown(true);
    const port = Number(new URL(qdrant.url).port);
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    await qdrant.setDown(false);
    expect(await result(qdrant, 'POST', '/collections/docs/points/count', {})).toEqual({ count: 100 });
  });

  it('setLatency delays every answer, and 0 removes the delay', async () => {
    const qdrant = await start(path.join(root, 'latency'));
    qdrant.setLatency(300);
    let began = performance.now();
    expect((await callQdrant(qdrant.url, 'GET', '/readyz')).status).toBe(200);
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
    qdrant.setLatency(0);
    began = performance.now();
    await callQdrant(qdrant.url, 'GET', '/readyz');
    expect(performance.now() - began).toBeLessThan(250);
  });

  it('corruptNewestSnapshot damages only the newest file, keeping its size and stale checksum', async () => {
    const qdrant = await start(path.join(root, 'corrupt'));
    expect(await qdrant.corruptNewestSnapshot()).toBeNull();
    await seed(qdrant, 'docs', 50, 8);
    const older = await result<{ name: string; checksum: string }>(qdrant, 'POST', '/collections/docs/snapshots', {});
    const newer = await result<{ name: string; checksum: string; size: number }>(qdrant, 'POST', '/collections/docs/snapshots', {});
    expect(newer.name > older.name).toBe(true);

    const damaged = await qdrant.corruptNewestSnapshot('docs');
    expect(path.basename(damaged ?? '')).toBe(newer.name);
    const bytes = await readFile(damaged ?? '');
    expect(bytes.length).toBe(newer.size);
    expect(createHash('sha256').update(bytes).digest('hex')).not.toBe(newer.checksum);
    expect((await readFile(`${damaged}.checksum`, 'utf8')).trim()).toBe(newer.checksum);
    const listed = await result<{ name: string; checksum: string }[]>(qdrant, 'GET', '/collections/docs/snapshots');
    expect(listed.map((s) => [s.name, s.checksum])).toEqual([
      [older.name, older.checksum],
      [newer.name, newer.checksum],
    ]);
    const olderBytes = await readFile(path.join(path.dirname(damaged ?? ''), older.name));
    expect(createHash('sha256').update(olderBytes).digest('hex')).toBe(older.checksum);
  });
});

describe('persistence', () => {
  it('a restart keeps collections, points, payloads and snapshots', async () => {
    const dataDir = path.join(root, 'restart');
    let qdrant = await start(dataDir);
    const vectors = await seed(qdrant, 'docs', 500, 16);
    await result(qdrant, 'PUT', '/collections/empty', { vectors: { size: 3, distance: 'Euclid' } });
    await result(qdrant, 'PUT', '/collections/docs/points?wait=true', { points: [{ id: 7, vector: vectors[8], payload: { n: 'overwritten' } }] });
    const snapshot = await result<{ name: string; checksum: string }>(qdrant, 'POST', '/collections/docs/snapshots', {});
    const before = await result(qdrant, 'POST', '/collections/docs/points/query', { query: vectors[3], limit: 5, with_payload: true });
    await stop(qdrant);

    qdrant = await start(dataDir);
    expect(await result(qdrant, 'GET', '/collections')).toEqual({ collections: [{ name: 'docs' }, { name: 'empty' }] });
    expect(await result(qdrant, 'POST', '/collections/docs/points/count', {})).toEqual({ count: 500 });
    expect(await result(qdrant, 'POST', '/collections/docs/points/query', { query: vectors[3], limit: 5, with_payload: true })).toEqual(before);
    const [overwritten] = (await result<{ points: { payload: unknown }[] }>(qdrant, 'POST', '/collections/docs/points/query', { query: vectors[8], limit: 1, with_payload: true })).points;
    expect(overwritten?.payload).toEqual({ n: 'overwritten' });
    expect(await result(qdrant, 'GET', '/collections/empty')).toMatchObject({ points_count: 0, config: { params: { vectors: { size: 3, distance: 'Euclid' } } } });
    expect(await result(qdrant, 'GET', '/collections/docs/snapshots')).toEqual([expect.objectContaining({ name: snapshot.name, checksum: snapshot.checksum })]);
    // Operation ids keep growing across restarts (they are point versions).
    expect(await result(qdrant, 'PUT', '/collections/docs/points?wait=true', { points: [{ id: 1, vector: vectors[1] }] })).toEqual({ operation_id: 3, status: 'completed' });
  });

  it('a torn write-ahead log tail (crash mid-append) is cut off; the acknowledged writes survive', async () => {
    const dataDir = path.join(root, 'torn');
    let qdrant = await start(dataDir);
    await seed(qdrant, 'docs', 300, 8);
    await stop(qdrant);
    const wal = (await readdir(path.join(dataDir, 'collections'))).find((file) => file.startsWith('docs.wal-'));
    await appendFile(path.join(dataDir, 'collections', wal ?? ''), Buffer.from([200, 0, 0, 0, 1, 2, 3]));

    qdrant = await start(dataDir);
    expect(await result(qdrant, 'POST', '/collections/docs/points/count', {})).toEqual({ count: 300 });
    await result(qdrant, 'PUT', '/collections/docs/points?wait=true', { points: [{ id: 1000, vector: [1, 0, 0, 0, 0, 0, 0, 0] }] });
    await stop(qdrant);
    qdrant = await start(dataDir);
    expect(await result(qdrant, 'POST', '/collections/docs/points/count', {})).toEqual({ count: 301 });
  });

  it('compacts a large log into a new base file and still restarts with every point', async () => {
    const dataDir = path.join(root, 'compaction');
    let qdrant = await start(dataDir);
    // 12,000 × 384-dim points ≈ 18.6 MB of log: past the 16 MiB compaction threshold.
    await seed(qdrant, 'big', 12_000, 384, 5);
    const folder = path.join(dataDir, 'collections');
    await expect
      .poll(async () => (await stat(path.join(folder, 'big.points'))).size, { timeout: 30_000, interval: 200 })
      .toBeGreaterThan(12_000 * 384 * 4);
    await expect.poll(async () => (await readdir(folder)).filter((f) => f.startsWith('big.wal-')).length, { timeout: 30_000 }).toBe(1);
    await result(qdrant, 'PUT', '/collections/big/points?wait=true', { points: [{ id: 99_999, vector: seededVectors(1, 384, 9)[0] }] });
    await stop(qdrant);

    qdrant = await start(dataDir);
    expect(await result(qdrant, 'POST', '/collections/big/points/count', {})).toEqual({ count: 12_001 });
  });
});
