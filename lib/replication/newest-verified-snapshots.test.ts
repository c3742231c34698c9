import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type RunningAzurite } from '@/lab/blob/start-azurite';
import { findFreePort } from '@/lab/shared/find-free-port';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { newestVerifiedSnapshots } from './newest-verified-snapshots';
import { manifestBlobName, snapshotBlobName, type SnapshotManifest } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';

let azurite: RunningAzurite;
let dir: string;
let config: LifeboatConfig;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-newest-snapshots-'));
  azurite = await startAzurite({ location: dir });
  const base = getConfig();
  config = { ...base, components: { ...base.components, blob: { ...base.components.blob, primaryUrl: `${azurite.url}/devstoreaccount1` } } };
});
afterAll(async () => {
  await azurite?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A snapshot blob and its manifest, as the pipeline writes them (blob first, manifest last). */
async function putSnapshot(collection: string, name: string, createdAt: string, options: { verified?: boolean; blob?: boolean; manifestText?: string } = {}): Promise<SnapshotManifest> {
  const container = snapshotContainer(config);
  await container.createIfNotExists();
  const body = Buffer.from(`snapshot ${name}`);
  if (options.blob !== false) await container.getBlockBlobClient(snapshotBlobName(collection, name)).upload(body, body.length);
  const manifest: SnapshotManifest = {
    collection,
    snapshotName: name,
    blobName: snapshotBlobName(collection, name),
    pointsCount: 10,
    size: body.length,
    sha256: 'b'.repeat(64),
    sourceRegion: 'canadacentral',
    snapshotCreatedAt: createdAt,
    uploadedAt: createdAt,
    verified: options.verified ?? true,
  };
  const text = options.manifestText ?? JSON.stringify(manifest);
  await container.getBlockBlobClient(manifestBlobName(collection, name)).upload(text, Buffer.byteLength(text));
  return manifest;
}

describe('newestVerifiedSnapshots', () => {
  it('answers an empty map before any snapshot exists', async () => {
    expect(await newestVerifiedSnapshots(config)).toEqual(new Map());
  });

  it('picks per collection the newest manifest that passes every check, skipping broken and missing ones, as the restore does', async () => {
    await putSnapshot('documents', 'documents-2026-11-24-10-00-00.snapshot', '2026-11-24T10:00:00.000Z');
    const good = await putSnapshot('documents', 'documents-2026-11-24-10-05-00.snapshot', '2026-11-24T10:05:00.000Z');
    await putSnapshot('documents', 'documents-2026-11-24-10-10-00.snapshot', '2026-11-24T10:10:00.000Z', { blob: false });
    await putSnapshot('documents', 'documents-2026-11-24-10-15-00.snapshot', '2026-11-24T10:15:00.000Z', { verified: false });
    await putSnapshot('documents', 'documents-2026-11-24-10-20-00.snapshot', '2026-11-24T10:20:00.000Z', { manifestText: '{ not json' });
    const faq = await putSnapshot('faq', 'faq-2026-11-24-10-05-00.snapshot', '2026-11-24T10:05:00.000Z');

    expect(await newestVerifiedSnapshots(config)).toEqual(new Map([['documents', good], ['faq', faq]]));
    expect(await newestVerifiedSnapshots(config, 'faq')).toEqual(new Map([['faq', faq]]));
  });

  it('throws when Blob is down, for the caller to show', async () => {
    const down = { ...config, components: { ...config.components, blob: { ...config.components.blob, primaryUrl: `http://127.0.0.1:${await findFreePort()}/devstoreaccount1` } } };
    await expect(newestVerifiedSnapshots(down)).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
