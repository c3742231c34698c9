import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PointsTable, prepareVector, type VectorsConfig } from './points-table';
import { readPointsFile } from './read-points-file';
import { searchPoints } from './search-points';
import { writePointsFile } from './write-points-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-qdrant-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const config: VectorsConfig = { size: 3, distance: 'Dot' };
const UUID = '0b7f7c7e-1c9a-4e53-8d2f-5a1e9c3b7d21';

function sampleTable(): PointsTable {
  const table = new PointsTable(config);
  table.upsert({ id: 1, version: 1, payload: { text: 'one', tags: ['a'] }, vector: Float32Array.from([1, 0, 0]) });
  table.upsert({ id: UUID, version: 2, payload: {}, vector: Float32Array.from([0, 1, 0]) });
  table.upsert({ id: 2 ** 40, version: 3, payload: { nested: { x: 1.5 } }, vector: Float32Array.from([0, 0, -2.25]) });
  return table;
}

describe('lab collection file', () => {
  it('round-trips ids, versions, payloads and vectors; the reported sha256 is the file hash', async () => {
    const file = path.join(dir, 'round-trip.snapshot');
    const written = await writePointsFile(file, sampleTable().openView(), { collection: 'docs' });
    expect(written.sha256).toBe(createHash('sha256').update(await readFile(file)).digest('hex'));

    const loaded = await readPointsFile(file);
    expect(loaded.sha256).toBe(written.sha256);
    expect(loaded.header).toMatchObject({ collection: 'docs', pointsCount: 3, vectors: config });
    const table = loaded.table;
    expect([0, 1, 2].map((i) => [table.idAt(i), table.versionAt(i), table.payloadAt(i), Array.from(table.vectorAt(i))])).toEqual([
      [1, 1, { text: 'one', tags: ['a'] }, [1, 0, 0]],
      [UUID, 2, {}, [0, 1, 0]],
      [2 ** 40, 3, { nested: { x: 1.5 } }, [0, 0, -2.25]],
    ]);
  });

  it('a view is a point in time: later overwrites and inserts do not show through it', async () => {
    const table = sampleTable();
    const view = table.openView();
    table.upsert({ id: UUID, version: 9, payload: { changed: true }, vector: Float32Array.from([9, 9, 9]) });
    table.upsert({ id: 77, version: 10, payload: {}, vector: Float32Array.from([7, 7, 7]) });
    const file = path.join(dir, 'view.snapshot');
    await writePointsFile(file, view, { collection: 'docs' });
    const loaded = (await readPointsFile(file)).table;
    expect(loaded.size).toBe(3);
    expect(loaded.payloadAt(1)).toEqual({});
    expect(Array.from(loaded.vectorAt(1))).toEqual([0, 1, 0]);
    expect(table.payloadAt(1)).toEqual({ changed: true });
  });

  it('refuses a damaged, truncated or extended file', async () => {
    const file = path.join(dir, 'damaged.snapshot');
    await writePointsFile(file, sampleTable().openView(), { collection: 'docs' });
    const good = await readFile(file);

    const flipped = Buffer.from(good);
    const middle = Math.floor(flipped.length * 0.6);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    await writeFile(file, flipped);
    await expect(readPointsFile(file)).rejects.toThrow();

    await writeFile(file, good);
    await truncate(file, good.length - 5);
    await expect(readPointsFile(file)).rejects.toThrow(/unexpected end of file/);

    await writeFile(file, good);
    await appendFile(file, 'x');
    await expect(readPointsFile(file)).rejects.toThrow(/unexpected bytes after the end marker/);

    await writeFile(file, Buffer.from('{"not":"a snapshot"}'));
    await expect(readPointsFile(file)).rejects.toThrow(/bad magic/);
  });
});

describe('brute-force search', () => {
  function table(distance: VectorsConfig['distance']): PointsTable {
    const t = new PointsTable({ size: 2, distance });
    [[1, 0], [0, 1], [3, 3], [-1, -1]].forEach((v, i) => t.upsert({ id: i, version: 1, payload: {}, vector: prepareVector(t.config, v) }));
    return t;
  }
  const ids = (t: PointsTable, hits: { index: number }[]) => hits.map((h) => t.idAt(h.index));

  it('orders by similarity (Cosine, Dot) or by distance (Euclid, Manhattan)', () => {
    const query = (t: PointsTable) => prepareVector(t.config, [1, 0.2]);
    const cosine = table('Cosine');
    expect(ids(cosine, searchPoints(cosine, { query: query(cosine), limit: 4, offset: 0 }))).toEqual([0, 2, 1, 3]);
    const dot = table('Dot');
    expect(ids(dot, searchPoints(dot, { query: query(dot), limit: 2, offset: 0 }))).toEqual([2, 0]);
    const euclid = table('Euclid');
    const euclidHits = searchPoints(euclid, { query: query(euclid), limit: 4, offset: 0 });
    expect(ids(euclid, euclidHits)).toEqual([0, 1, 3, 2]);
    expect(euclidHits[0]?.score).toBeCloseTo(0.2, 5);
    const manhattan = table('Manhattan');
    expect(ids(manhattan, searchPoints(manhattan, { query: query(manhattan), limit: 1, offset: 1 }))).toEqual([1]);
  });

  it('applies score_threshold in the metric’s direction and the accept filter', () => {
    const dot = table('Dot');
    expect(ids(dot, searchPoints(dot, { query: Float32Array.from([1, 0]), limit: 10, offset: 0, scoreThreshold: 1 }))).toEqual([2, 0]);
    const euclid = table('Euclid');
    expect(ids(euclid, searchPoints(euclid, { query: Float32Array.from([1, 0]), limit: 10, offset: 0, scoreThreshold: 1.5 }))).toEqual([0, 1]);
    expect(ids(euclid, searchPoints(euclid, { query: Float32Array.from([1, 0]), limit: 10, offset: 0, accept: (i) => i !== 0 }))).toEqual([1, 3, 2]);
  });
});
