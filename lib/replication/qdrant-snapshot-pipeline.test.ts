import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { listReplicationRuns } from '@/lib/db/replication/list-replication-runs';
import { newestSuccessfulRestores } from '@/lib/db/replication/newest-successful-restores';
import { startProbeLab, type ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { deleteBlobWrittenBy } from './delete-blob-written-by';
import { newestVerifiedSnapshots } from './newest-verified-snapshots';
import { qdrantNode } from './qdrant-client';
import { restoreSnapshotToSecondary } from './restore-snapshot-to-secondary';
import { manifestBlobName, MANIFEST_SUFFIX, snapshotBlobName } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';
import { snapshotQdrantToBlob } from './snapshot-qdrant-to-blob';

const COLLECTION = 'documents';
// 256-dim float32 × 20,000 random points ≈ 20 MB: several 8 MiB upload buffers, so Blob can fail mid-upload.
const DIM = 256;
const POINTS = 20_000;

let lab: ProbeLab;
let database: TestDatabase;

function vector(): number[] {
  return Array.from({ length: DIM }, () => Math.random() * 2 - 1);
}

async function upsert(from: number, count: number): Promise<void> {
  const { client } = qdrantNode(lab.config, 'primary');
  for (let start = from; start < from + count; start += 2_000) {
    const ids = Array.from({ length: Math.min(2_000, from + count - start) }, (_, i) => start + i);
    await client.upsert(COLLECTION, { wait: true, points: ids.map((id) => ({ id, vector: vector(), payload: { doc: `doc-${id}` } })) });
  }
}

async function manifestNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const item of snapshotContainer(lab.config).listBlobsFlat({ prefix: `qdrant/${COLLECTION}/` })) if (item.name.endsWith(MANIFEST_SUFFIX)) names.push(item.name);
  return names.sort();
}

async function secondaryPoints(): Promise<number> {
  return (await qdrantNode(lab.config, 'secondary').client.count(COLLECTION, { exact: true })).count;
}

beforeAll(async () => {
  [lab, database] = await Promise.all([startProbeLab(), createTestDatabase()]);
  const { client } = qdrantNode(lab.config, 'primary');
  if ((await client.collectionExists(COLLECTION)).exists) await client.deleteCollection(COLLECTION);
  await client.createCollection(COLLECTION, { vectors: { size: DIM, distance: 'Cosine' } });
  await upsert(0, POINTS);
});

afterAll(async () => {
  await lab?.stop();
  await database?.drop();
});

describe('Qdrant → Blob snapshot and Blob → secondary restore, against the lab', () => {
  let first: { snapshotName: string; snapshotCreatedAt: string };

  it('streams a verified snapshot with its manifest, removes it from Qdrant, and the secondary restores it', async () => {
    const run = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, { trigger: 'test' });
    expect(run).toMatchObject({ state: 'succeeded', error: null, job: 'qdrant-snapshot', region: 'primary', target: COLLECTION });
    const details = run.details as { snapshotName: string; sha256: string; points: number; throughputMBps: number };
    console.log(`snapshot ${run.bytes} bytes in ${run.durationMs} ms, upload ${details.throughputMBps} MB/s`);
    expect(details.points).toBe(POINTS);
    expect(run.bytes).toBeGreaterThan(16 * 1024 * 1024);

    const container = snapshotContainer(lab.config);
    const manifest = JSON.parse((await container.getBlobClient(manifestBlobName(COLLECTION, details.snapshotName)).downloadToBuffer()).toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ collection: COLLECTION, pointsCount: POINTS, size: run.bytes, sha256: details.sha256, sourceRegion: lab.config.regions.primary.name, verified: true });
    const stored = await container.getBlobClient(snapshotBlobName(COLLECTION, details.snapshotName)).downloadToBuffer();
    expect(createHash('sha256').update(stored).digest('hex')).toBe(details.sha256);
    expect(await qdrantNode(lab.config, 'primary').client.listSnapshots(COLLECTION)).toEqual([]);

    const restore = await restoreSnapshotToSecondary(database.db, lab.config, COLLECTION, { trigger: 'test' });
    expect(restore.error).toBeNull();
    expect(restore).toMatchObject({ state: 'succeeded', job: 'qdrant-restore', region: 'secondary', details: { snapshotName: details.snapshotName, points: POINTS } });
    expect(await secondaryPoints()).toBe(POINTS);
    first = { snapshotName: details.snapshotName, snapshotCreatedAt: String(manifest.snapshotCreatedAt) };
    const restores = await newestSuccessfulRestores(database.db);
    expect(restores.map((r) => [r.collection, r.snapshotName, r.restoredSnapshotCreatedAt.toISOString()])).toEqual([[COLLECTION, first.snapshotName, first.snapshotCreatedAt]]);
  });

  it('primary Qdrant down during a snapshot: failed run with the reason, no new manifest', async () => {
    const before = await manifestNames();
    await lab.lab.qdrant.primary.setDown(true);
    try {
      const run = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, { trigger: 'test' });
      expect(run.state).toBe('failed');
      expect(run.error).toMatch(/^primary Qdrant: count points: .*ECONNREFUSED/);
      console.log(`primary down: ${run.error}`);
    } finally {
      await lab.lab.qdrant.primary.setDown(false);
    }
    expect(await manifestNames()).toEqual(before);
  });

  it('Blob down mid-upload: failed run, no manifest, no snapshot blob, "latest" unchanged, Qdrant disk cleaned', async () => {
    const before = await manifestNames();
    let downing: Promise<void> | null = null;
    const run = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, {
      trigger: 'test',
      onProgress: () => {
        downing ??= lab.lab.blob.setDown(true);
      },
    });
    await downing;
    await lab.lab.blob.setDown(false);
    expect(downing).not.toBeNull();
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/^Blob: upload snapshot: /);
    console.log(`blob down: ${run.error}`);
    const snapshotName = (run.details as { snapshotName: string }).snapshotName;
    expect(await snapshotContainer(lab.config).getBlobClient(snapshotBlobName(COLLECTION, snapshotName)).exists()).toBe(false);
    expect(await manifestNames()).toEqual(before);
    expect((await newestVerifiedSnapshots(lab.config, COLLECTION)).get(COLLECTION)?.snapshotName).toBe(first.snapshotName);
    expect(await qdrantNode(lab.config, 'primary').client.listSnapshots(COLLECTION)).toEqual([]);
  });

  it('bytes damaged between Qdrant and Lifeboat: checksum mismatch, failed run, no blob, no manifest, Qdrant disk cleaned', async () => {
    const before = await manifestNames();
    const primaryUrl = new URL(lab.config.components.qdrant.primary.url);
    // A hop that flips one byte in the middle of each snapshot download and passes everything else through.
    const hop = http.createServer((request, response) => {
      const upstream = http.request({ host: primaryUrl.hostname, port: primaryUrl.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        const download = request.method === 'GET' && /\/snapshots\/[^/]+$/.test(request.url ?? '');
        let seen = 0;
        const middle = Number(answer.headers['content-length'] ?? 0) / 2;
        answer.on('data', (chunk: Buffer) => {
          if (download && seen <= middle && middle < seen + chunk.length) {
            const at = Math.floor(middle - seen);
            chunk[at] = (chunk[at] ?? 0) ^ 0xff;
          }
          seen += chunk.length;
          response.write(chunk);
        });
        answer.on('end', () => response.end());
      });
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    const port = (hop.address() as { port: number }).port;
    const qdrant = lab.config.components.qdrant;
    const viaHop = { ...lab.config, components: { ...lab.config.components, qdrant: { ...qdrant, primary: { ...qdrant.primary, url: `http://127.0.0.1:${port}` } } } };
    try {
      const run = await snapshotQdrantToBlob(database.db, viaHop, COLLECTION, { trigger: 'test' });
      expect(run.state).toBe('failed');
      expect(run.error).toMatch(/^checksum mismatch: streamed \d+ bytes with sha256 [0-9a-f]{64}, Qdrant reported [0-9a-f]{64}$/);
      const snapshotName = (run.details as { snapshotName: string }).snapshotName;
      expect(await snapshotContainer(lab.config).getBlobClient(snapshotBlobName(COLLECTION, snapshotName)).exists()).toBe(false);
      expect(await manifestNames()).toEqual(before);
      expect(await qdrantNode(lab.config, 'primary').client.listSnapshots(COLLECTION)).toEqual([]);
    } finally {
      await new Promise((resolve) => hop.close(resolve));
    }
  });

  it('a corrupted snapshot blob: the secondary refuses it (400) and keeps its previous points', async () => {
    await upsert(POINTS, 100);
    const run = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, { trigger: 'test' });
    expect(run.state).toBe('succeeded');
    const snapshotName = (run.details as { snapshotName: string }).snapshotName;
    expect(snapshotName).not.toBe(first.snapshotName);
    // Silent damage at rest: same length, so only the sha256 check can catch it.
    const blob = snapshotContainer(lab.config).getBlockBlobClient(snapshotBlobName(COLLECTION, snapshotName));
    const bytes = await blob.downloadToBuffer();
    randomBytes(64).copy(bytes, Math.floor(bytes.length / 2));
    await blob.uploadData(bytes);

    const restore = await restoreSnapshotToSecondary(database.db, lab.config, COLLECTION, { trigger: 'test' });
    expect(restore.state).toBe('failed');
    expect(restore.error).toMatch(/^secondary Qdrant: recover from snapshot: .*400/);
    expect(restore.details).toMatchObject({ snapshotName, previousPoints: POINTS });
    console.log(`restore refused: ${restore.error}`);
    // A finished run is never finished again (conditional on state 'running').
    expect(await finishReplicationRun(database.db, restore.id, { state: 'succeeded', details: {} })).toBeNull();
    expect(await secondaryPoints()).toBe(POINTS);
    const restores = await newestSuccessfulRestores(database.db);
    expect(restores.map((r) => r.snapshotName)).toEqual([first.snapshotName]);
    const runs = await listReplicationRuns(database.db, { target: COLLECTION });
    expect(runs.map((r) => `${r.job}:${r.state}`)).toEqual([
      'qdrant-restore:failed',
      'qdrant-snapshot:succeeded',
      'qdrant-snapshot:failed',
      'qdrant-snapshot:failed',
      'qdrant-snapshot:failed',
      'qdrant-restore:succeeded',
      'qdrant-snapshot:succeeded',
    ]);
  });

  it('a snapshot named like one already in Blob (Qdrant names them to the second) is taken again; the stored blob is never replaced or deleted', async () => {
    const container = snapshotContainer(lab.config);
    const prefix = first.snapshotName.replace(/\d{4}(-\d{2}){5}\.snapshot$/, '');
    const nameAt = (ms: number) => `${prefix}${new Date(ms).toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '-')}.snapshot`;
    const now = Date.now();
    const occupied = [nameAt(now), nameAt(now + 1000)];
    for (const name of occupied) await container.getBlockBlobClient(snapshotBlobName(COLLECTION, name)).upload('stored', 6, { metadata: { lifeboatrun: 'another-run' } });

    const run = await snapshotQdrantToBlob(database.db, lab.config, COLLECTION, { trigger: 'test' });
    expect(run.error).toBeNull();
    expect(occupied).not.toContain((run.details as { snapshotName: string }).snapshotName);
    for (const name of occupied) {
      const stored = container.getBlobClient(snapshotBlobName(COLLECTION, name));
      expect((await stored.downloadToBuffer()).toString()).toBe('stored');
      // A failed run's cleanup removes only what that run wrote.
      expect(await deleteBlobWrittenBy(stored, run.id)).toBe(false);
      expect(await deleteBlobWrittenBy(stored, 'another-run')).toBe(true);
      expect(await stored.exists()).toBe(false);
    }
  });
});
