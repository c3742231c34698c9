import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobService, type BlobService } from '@/lab/blob/start-blob-service';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import { parseConfig } from '@/lib/config/load-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import { startReplicationRun } from '@/lib/db/replication/start-replication-run';
import { createTestDatabase, type TestDatabase } from '@/lib/db/testing/test-database';
import { applyRetention } from './apply-retention';
import { MANIFEST_SUFFIX as REDIS_MANIFEST_SUFFIX, type RedisBackupManifest } from './redis-backup-manifest';
import { manifestBlobName, snapshotBlobName, type SnapshotManifest } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';

// The real clock: an unverified blob is dated by Blob's own last-modified time, which is now.
const NOW = new Date();
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const SHA = 'a'.repeat(64);

let dir: string;
let blob: BlobService;
let database: TestDatabase;
let config: LifeboatConfig;

async function put(container: ReturnType<typeof snapshotContainer>, name: string, body: string): Promise<void> {
  await container.createIfNotExists();
  await container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body));
}

/** A snapshot blob of `size` bytes, and (when verified) its manifest saying it was taken `age` days ago. */
async function snapshot(collection: string, name: string, age: number, verified = true, sourceRegion = 'canadacentral'): Promise<void> {
  const container = snapshotContainer(config);
  await put(container, snapshotBlobName(collection, name), 'x'.repeat(1000));
  if (!verified) return;
  const manifest: SnapshotManifest = {
    collection,
    snapshotName: name,
    blobName: snapshotBlobName(collection, name),
    pointsCount: 10,
    size: 1000,
    sha256: SHA,
    sourceRegion,
    snapshotCreatedAt: daysAgo(age).toISOString(),
    uploadedAt: daysAgo(age).toISOString(),
    verified: true,
  };
  await put(container, manifestBlobName(collection, name), JSON.stringify(manifest));
}

function redisContainer() {
  return blobServiceClient(config.components.blob.primaryUrl, config.components.blob, config.azure).getContainerClient(config.components.blob.containers.redisBackups);
}

async function redisBackup(name: string, age: number): Promise<void> {
  const manifest: RedisBackupManifest = { sha256: SHA, size: 500, keys: 3, sourceRegion: 'canadacentral', takenAt: daysAgo(age).toISOString(), verified: true };
  await put(redisContainer(), `redis/canadacentral/${name}.rdb`, 'r'.repeat(500));
  await put(redisContainer(), `redis/canadacentral/${name}.rdb${REDIS_MANIFEST_SUFFIX}`, JSON.stringify(manifest));
}

async function names(container: ReturnType<typeof snapshotContainer>): Promise<string[]> {
  const found: string[] = [];
  for await (const item of container.listBlobsFlat()) found.push(item.name);
  return found.sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-retention-'));
  [blob, database] = await Promise.all([startBlobService({ port: 0, stateDir: path.join(dir, 'blob') }), createTestDatabase('lifeboat_retention')]);
  const lab = parseConfig(await readFile('config/lab.yaml', 'utf8'), 'config/lab.yaml', process.env);
  config = { ...lab, components: { ...lab.components, blob: { ...lab.components.blob, primaryUrl: blob.url, secondaryUrl: blob.secondaryUrl } } };

  // documents: the newest verified is 40 days old (kept as the last resort), one the secondary restored (kept), one recent.
  await snapshot('documents', 'd-45', 45);
  await snapshot('documents', 'd-35-restored', 35);
  await snapshot('documents', 'd-31', 31);
  await snapshot('documents', 'd-50-unverified', 50, false);
  await snapshot('documents', 'd-2', 2);
  // A failback's snapshot of the secondary: its own set, so the primary's newest verified stays the primary's.
  await snapshot('documents', 'e-40-secondary', 40, true, 'canadaeast');
  await snapshot('documents', 'e-1-secondary', 1, true, 'canadaeast');
  // archive: nothing recent; its newest verified must stay even though it is past 30 days.
  await snapshot('archive', 'a-60', 60);
  await snapshot('archive', 'a-40', 40);
  // Redis: 7 days.
  await redisBackup('r-10', 10);
  await redisBackup('r-8', 8);
  await redisBackup('r-1', 1);

  const restore = await startReplicationRun(database.db, { job: 'qdrant-restore', target: 'documents', region: 'secondary', trigger: 'test' });
  await finishReplicationRun(database.db, restore.id, { state: 'succeeded', details: { snapshotName: 'd-35-restored', snapshotCreatedAt: daysAgo(35).toISOString() } });
});

afterAll(async () => {
  await Promise.all([blob?.stop(), database?.drop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('applyRetention against Azurite', () => {
  it('a dry run says what would go and why, and deletes nothing', async () => {
    const before = [...(await names(snapshotContainer(config))), ...(await names(redisContainer()))];
    const plan = await applyRetention(database.db, config, { trigger: 'test', dryRun: true, now: NOW });
    expect(plan.run).toBeNull();
    const verdicts = Object.fromEntries(plan.items.map((item) => [item.name.split('/').pop(), `${item.action}: ${item.reason}`]));
    expect(verdicts).toEqual({
      'd-2': 'keep: newest verified backup',
      'd-31': 'delete: 31.0 days old, beyond 30 days',
      'd-35-restored': 'keep: a secondary depends on it',
      'd-45': 'delete: 45.0 days old, beyond 30 days',
      'd-50-unverified': expect.stringMatching(/^keep: 0\.\d days old, within 30 days$/), // no manifest: its own upload time counts
      'e-1-secondary': 'keep: newest verified backup',
      'e-40-secondary': 'delete: 40.0 days old, beyond 30 days',
      'a-40': 'keep: newest verified backup',
      'a-60': 'delete: 60.0 days old, beyond 30 days',
      'r-1.rdb': 'keep: newest verified backup',
      'r-8.rdb': 'delete: 8.0 days old, beyond 7 days',
      'r-10.rdb': 'delete: 10.0 days old, beyond 7 days',
    });
    expect([...(await names(snapshotContainer(config))), ...(await names(redisContainer()))]).toEqual(before);
  });

  it('applying deletes those blobs with their manifests, records the run, and a second pass finds nothing more', async () => {
    const applied = await applyRetention(database.db, config, { trigger: 'manual', requestedBy: 'ops@lab', dryRun: false, now: NOW });
    expect(applied.run).toMatchObject({ job: 'retention', state: 'succeeded', bytes: 4 * 1000 + 2 * 500, requestedBy: 'ops@lab' });
    expect(applied.deletedBytes).toBe(5000);
    expect(await names(snapshotContainer(config))).toEqual([
      'qdrant/archive/a-40',
      'qdrant/archive/a-40.manifest.json',
      'qdrant/documents/d-2',
      'qdrant/documents/d-2.manifest.json',
      'qdrant/documents/d-35-restored',
      'qdrant/documents/d-35-restored.manifest.json',
      'qdrant/documents/d-50-unverified',
      'qdrant/documents/e-1-secondary',
      'qdrant/documents/e-1-secondary.manifest.json',
    ]);
    expect(await names(redisContainer())).toEqual(['redis/canadacentral/r-1.rdb', `redis/canadacentral/r-1.rdb${REDIS_MANIFEST_SUFFIX}`]);

    const again = await applyRetention(database.db, config, { trigger: 'test', dryRun: false, now: NOW });
    expect(again.items.filter((item) => item.action === 'delete')).toEqual([]);
    expect(again.run?.bytes).toBe(0);
  });
});
