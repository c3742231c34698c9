import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectErrorCode } from '../shared/testing/connect-error-code';
import { isProcessAlive, runMainScript, waitUntilGone } from '../shared/testing/run-main-script';
import { startBlobService, type BlobService } from './start-blob-service';

const SIZE = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;

let stateDir: string;
let blob: BlobService | undefined;
let credential: StorageSharedKeyCredential;

function service(): BlobService {
  if (!blob) throw new Error('blob service not started');
  return blob;
}

/** `SIZE` random bytes as a stream, and their sha256 once the stream has been read to the end. */
function randomStream(): { stream: Readable; digest: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= SIZE) return void this.push(null);
      const chunk = randomBytes(CHUNK);
      hash.update(chunk);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

async function sha256Of(stream: NodeJS.ReadableStream | undefined): Promise<{ hex: string; bytes: number }> {
  if (!stream) throw new Error('no body');
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { hex: hash.digest('hex'), bytes };
}

/** Uploads then downloads SIZE bytes through `accountUrl`; returns both rates in MB/s after checking the sha256. */
async function roundTrip(container: ContainerClient, name: string): Promise<{ uploadMBps: number; downloadMBps: number }> {
  const client = container.getBlockBlobClient(name);
  const source = randomStream();
  let started = performance.now();
  await client.uploadStream(source.stream, 8 * 1024 * 1024, 4);
  const uploadSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const downloaded = await sha256Of((await client.download()).readableStreamBody);
  const downloadSeconds = (performance.now() - started) / 1000;
  expect(downloaded.bytes).toBe(SIZE);
  expect(downloaded.hex).toBe(source.digest());
  return { uploadMBps: SIZE / 1e6 / uploadSeconds, downloadMBps: SIZE / 1e6 / downloadSeconds };
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-blob-'));
  blob = await startBlobService({ port: 0, stateDir });
  credential = new StorageSharedKeyCredential(blob.accountName, blob.accountKey);
});

afterAll(async () => {
  await blob?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe('startBlobService', () => {
  it('carries a 64 MiB upload and download through the front intact (sha256), and logs MB/s against Azurite direct', async () => {
    const front = new BlobServiceClient(service().url, credential).getContainerClient('qdrant-snapshots');
    await front.createIfNotExists();
    const direct = new BlobServiceClient(service().azurite.url, credential).getContainerClient('qdrant-snapshots');
    const viaFront = await roundTrip(front, 'documents/big-via-front.snapshot');
    const viaDirect = await roundTrip(direct, 'documents/big-direct.snapshot');
    console.log(`64 MiB through the front: upload ${viaFront.uploadMBps.toFixed(0)} MB/s, download ${viaFront.downloadMBps.toFixed(0)} MB/s; Azurite direct: upload ${viaDirect.uploadMBps.toFixed(0)} MB/s, download ${viaDirect.downloadMBps.toFixed(0)} MB/s`);
    const listed: string[] = [];
    for await (const item of front.listBlobsFlat({ prefix: 'documents/' })) listed.push(`${item.name}:${item.properties.contentLength}`);
    expect(listed).toEqual([`documents/big-direct.snapshot:${SIZE}`, `documents/big-via-front.snapshot:${SIZE}`]);
  });

  it('serves a blob to a SAS URL and refuses the same URL without the SAS', async () => {
    const container = new BlobServiceClient(service().url, credential).getContainerClient('redis-backups');
    await container.createIfNotExists();
    const client = container.getBlockBlobClient('primary/dump.rdb');
    await client.uploadData(Buffer.from('REDIS0011 lab backup'));
    const sas = generateBlobSASQueryParameters(
      { containerName: 'redis-backups', blobName: 'primary/dump.rdb', permissions: BlobSASPermissions.parse('r'), startsOn: new Date(Date.now() - 60_000), expiresOn: new Date(Date.now() + 600_000) },
      credential,
    ).toString();
    const withSas = await fetch(`${client.url}?${sas}`);
    expect(withSas.status).toBe(200);
    expect(await withSas.text()).toBe('REDIS0011 lab backup');
    const without = await fetch(client.url);
    expect(without.status).toBe(403);
    await without.body?.cancel();
    const writeWithReadSas = await fetch(`${client.url}?${sas}`, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'overwrite' });
    expect(writeWithReadSas.status).toBe(403);
  });

  it('reports geo-replication on the secondary: live within the lag, unavailable and frozen when paused, live again on resume', async () => {
    const secondary = new BlobServiceClient(service().secondaryUrl, credential);
    const live = await secondary.getStatistics();
    expect(live.geoReplication?.status).toBe('live');
    const lastSync = live.geoReplication?.lastSyncOn?.getTime() ?? 0;
    expect(lastSync).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - lastSync).toBeLessThan(16_000); // 15 s lag + the second the wire format drops

    service().pauseGeoReplication();
    const paused = await secondary.getStatistics();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const stillPaused = await secondary.getStatistics();
    expect(paused.geoReplication?.status).toBe('unavailable');
    expect(stillPaused.geoReplication?.status).toBe('unavailable');
    expect(stillPaused.geoReplication?.lastSyncOn?.getTime()).toBe(paused.geoReplication?.lastSyncOn?.getTime());

    service().resumeGeoReplication();
    const resumed = await secondary.getStatistics();
    expect(resumed.geoReplication?.status).toBe('live');
    expect(Date.now() - (resumed.geoReplication?.lastSyncOn?.getTime() ?? 0)).toBeLessThan(16_000);

    // Stats exist only on the secondary endpoint, and still need valid credentials.
    await expect(new BlobServiceClient(service().url, credential).getStatistics()).rejects.toMatchObject({ statusCode: 400 });
    const wrongKey = new StorageSharedKeyCredential(service().accountName, Buffer.from('not the key').toString('base64'));
    await expect(new BlobServiceClient(service().secondaryUrl, wrongKey).getStatistics()).rejects.toMatchObject({ statusCode: 403 });
  });

  it('lets the lag grow when a larger lag is set', async () => {
    const secondary = new BlobServiceClient(service().secondaryUrl, credential);
    service().setGeoLag(600);
    const first = await secondary.getStatistics();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await secondary.getStatistics();
    expect(second.geoReplication?.status).toBe('live');
    expect(second.geoReplication?.lastSyncOn?.getTime()).toBe(first.geoReplication?.lastSyncOn?.getTime());
    expect(service().geoReplication().lagLimitSeconds).toBe(600);
    service().setGeoLag(15);
  });

  it('refuses connections while down and serves the same data when back up', async () => {
    const container = new BlobServiceClient(service().url, credential, { retryOptions: { maxTries: 1 } }).getContainerClient('redis-backups');
    await service().setDown(true);
    // A pooled keep-alive socket sees a reset; any new connection is refused.
    await expect(container.getBlockBlobClient('primary/dump.rdb').getProperties()).rejects.toMatchObject({ code: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET)$/) });
    expect(await connectErrorCode(service().url)).toBe('ECONNREFUSED');
    await service().setDown(false);
    expect((await container.getBlockBlobClient('primary/dump.rdb').getProperties()).contentLength).toBe(20);
  });

  it('leaves no Azurite process behind after stop', async () => {
    const { pid } = service().azurite;
    expect(isProcessAlive(pid)).toBe(true);
    await service().stop();
    expect(isProcessAlive(pid)).toBe(false);
  });

  it('takes Azurite down with it when its own process is killed', async () => {
    const { child, ready } = runMainScript('lab/blob/main.ts', { LIFEBOAT_LAB_STATE_DIR: path.join(stateDir, 'orphan-check'), LIFEBOAT_BLOB_PORT: '0' });
    const started = (await ready) as { azurite: { pid: number } };
    expect(isProcessAlive(started.azurite.pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntilGone(started.azurite.pid)).toBe(true);
  });
});
