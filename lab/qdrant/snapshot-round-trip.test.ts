import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { QdrantClient } from '@qdrant/js-client-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQdrantEmulator, type QdrantEmulator } from './start-qdrant-emulator';
import { callQdrant, seededVectors } from './testing/call-qdrant';
import { DEV_ACCOUNT, DEV_ACCOUNT_KEY, startTestAzurite, type TestAzurite } from './testing/start-test-azurite';

const COLLECTION = 'documents';
const DIM = 64;
const POINTS = 3000;
const PRIMARY_KEY = 'primary-key';
const SECONDARY_KEY = 'secondary-key';

let dir: string;
let azurite: TestAzurite;
let primary: QdrantEmulator;
let secondary: QdrantEmulator;
let container: ContainerClient;
let primaryClient: QdrantClient;
let secondaryClient: QdrantClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-qdrant-round-trip-'));
  azurite = await startTestAzurite();
  primary = await startQdrantEmulator({ port: 0, dataDir: path.join(dir, 'primary'), apiKey: PRIMARY_KEY, name: 'qdrant-primary' });
  secondary = await startQdrantEmulator({ port: 0, dataDir: path.join(dir, 'secondary'), apiKey: SECONDARY_KEY, name: 'qdrant-secondary' });
  primaryClient = new QdrantClient({ url: primary.url, apiKey: PRIMARY_KEY, checkCompatibility: false });
  secondaryClient = new QdrantClient({ url: secondary.url, apiKey: SECONDARY_KEY, checkCompatibility: false });
  const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_ACCOUNT_KEY);
  container = new BlobServiceClient(azurite.blobUrl, credential).getContainerClient('qdrant-snapshots');
  await container.create();
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([primary?.stop(), secondary?.stop()]);
  await azurite?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Streams a snapshot from the primary's download route into a block blob, hashing it on the way (the manifest's sha256). */
async function copySnapshotToBlob(snapshotName: string, blobName: string): Promise<{ sha256: string; url: string }> {
  const response = await fetch(`${primary.url}/collections/${COLLECTION}/snapshots/${snapshotName}`, { headers: { 'api-key': PRIMARY_KEY } });
  expect(response.status).toBe(200);
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const blob = container.getBlockBlobClient(blobName);
  await blob.uploadStream(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).pipe(hashing), 4 << 20, 4);
  const url = await blob.generateSasUrl({ permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(Date.now() + 10 * 60_000) });
  return { sha256: hash.digest('hex'), url };
}

const vectors = seededVectors(POINTS, DIM, 42);
const probe = seededVectors(1, DIM, 4242)[0] as number[];

async function topIds(client: QdrantClient): Promise<(string | number)[]> {
  return (await client.query(COLLECTION, { query: probe, limit: 5 })).points.map((p) => p.id);
}

describe('primary snapshot → Azurite → secondary recovery', () => {
  let manifest: { name: string; checksum: string };

  it('recovers the secondary from a short-lived read-only SAS URL with the checksum: same count, same answers', async () => {
    await primaryClient.createCollection(COLLECTION, { vectors: { size: DIM, distance: 'Cosine' } });
    for (let start = 0; start < POINTS; start += 1000) {
      await primaryClient.upsert(COLLECTION, {
        wait: true,
        points: vectors.slice(start, start + 1000).map((vector, i) => ({ id: start + i, vector, payload: { doc_id: start + i, text: `document ${start + i}` } })),
      });
    }
    const snapshot = await primaryClient.createSnapshot(COLLECTION, { wait: true });
    if (!snapshot?.checksum) throw new Error('no checksum');
    manifest = { name: snapshot.name, checksum: snapshot.checksum };

    const copy = await copySnapshotToBlob(manifest.name, `${COLLECTION}/${manifest.name}`);
    expect(copy.sha256).toBe(manifest.checksum);
    expect(new URL(copy.url).searchParams.get('sp')).toBe('r');

    expect(await secondaryClient.recoverSnapshot(COLLECTION, { location: copy.url, priority: 'snapshot', checksum: manifest.checksum })).toBe(true);
    expect(await secondaryClient.count(COLLECTION, { exact: true })).toEqual({ count: POINTS });
    expect(await topIds(secondaryClient)).toEqual(await topIds(primaryClient));
    const [sample] = (await secondaryClient.query(COLLECTION, { query: vectors[1234], limit: 1, with_payload: true })).points;
    expect(sample).toMatchObject({ id: 1234, payload: { doc_id: 1234, text: 'document 1234' } });
  });

  it('refuses a corrupted snapshot with 400 on the manifest checksum, and the secondary is unchanged', async () => {
    const before = await topIds(secondaryClient);
    await primaryClient.upsert(COLLECTION, { wait: true, points: [{ id: POINTS + 1, vector: probe, payload: { doc_id: 'late' } }] });
    const damaged = await primary.corruptNewestSnapshot(COLLECTION);
    expect(damaged).toMatch(new RegExp(`${manifest.name}$`));

    const copy = await copySnapshotToBlob(manifest.name, `${COLLECTION}/corrupted-${manifest.name}`);
    expect(copy.sha256).not.toBe(manifest.checksum);

    const refused = await callQdrant(secondary.url, 'PUT', `/collections/${COLLECTION}/snapshots/recover`, {
      apiKey: SECONDARY_KEY,
      json: { location: copy.url, priority: 'snapshot', checksum: manifest.checksum },
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { status: { error: string } }).status.error).toBe(
      `Wrong input: Snapshot checksum mismatch: expected ${manifest.checksum}, got ${copy.sha256}`,
    );
    expect(await secondaryClient.count(COLLECTION, { exact: true })).toEqual({ count: POINTS });
    expect(await topIds(secondaryClient)).toEqual(before);

    // Without a checksum the damage is still caught: the file's own digest does not match.
    const unchecked = await callQdrant(secondary.url, 'PUT', `/collections/${COLLECTION}/snapshots/recover`, {
      apiKey: SECONDARY_KEY,
      json: { location: copy.url, priority: 'snapshot' },
    });
    expect(unchecked.status).toBe(500);
    expect((unchecked.body as { status: { error: string } }).status.error).toMatch(/^Service internal error: Failed to unpack snapshot: /);
    expect(await secondaryClient.count(COLLECTION, { exact: true })).toEqual({ count: POINTS });
  });

  it('refuses a SAS URL that does not grant access (400) and changes nothing', async () => {
    const blob = container.getBlockBlobClient(`${COLLECTION}/${manifest.name}`);
    const forged = new URL(await blob.generateSasUrl({ permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(Date.now() + 60_000) }));
    forged.searchParams.set('sig', Buffer.from('not the signature').toString('base64'));
    const refused = await callQdrant(secondary.url, 'PUT', `/collections/${COLLECTION}/snapshots/recover`, {
      apiKey: SECONDARY_KEY,
      json: { location: forged.toString(), priority: 'snapshot', checksum: manifest.checksum },
    });
    expect(refused.status).toBe(400);
    const message = (refused.body as { status: { error: string } }).status.error;
    expect(message).toMatch(/^Wrong input: Failed to download snapshot from http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/qdrant-snapshots\/.*\?…: status - 403/);
    expect(message).not.toContain('sig=');
    expect(await secondaryClient.count(COLLECTION, { exact: true })).toEqual({ count: POINTS });
  });
});
