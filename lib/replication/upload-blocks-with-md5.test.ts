import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BlobServiceClient, BlockBlobClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURITE_ACCOUNT_KEY, AZURITE_ACCOUNT_NAME } from '@/lab/blob/azurite-account';
import { startAzurite, type RunningAzurite } from '@/lab/blob/start-azurite';
import { uploadBlocksWithMd5 } from './upload-blocks-with-md5';

const MiB = 1024 * 1024;
let dir: string;
let azurite: RunningAzurite;
let container: ContainerClient;

/** `data` in uneven chunks, as a download delivers it; optionally failing after `failAfter` bytes. */
async function* chunks(data: Buffer, failAfter = Infinity): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < data.length; offset += 300_001) {
    if (offset >= failAfter) throw new Error('download cut off');
    yield data.subarray(offset, offset + 300_001);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-upload-blocks-'));
  azurite = await startAzurite({ location: dir });
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY);
  container = new BlobServiceClient(`${azurite.url}/${AZURITE_ACCOUNT_NAME}`, credential, { retryOptions: { maxTries: 1 } }).getContainerClient('blocks');
  await container.create();
});

afterAll(async () => {
  await azurite?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('uploadBlocksWithMd5, against Azurite', () => {
  it('stores the stream byte for byte in blocks of the given size, with headers, metadata and progress', async () => {
    const data = randomBytes(5 * MiB + 12_345);
    const progress: number[] = [];
    const blob = container.getBlockBlobClient('whole');
    await uploadBlocksWithMd5(chunks(data), blob, {
      blockBytes: MiB,
      concurrency: 3,
      blobHTTPHeaders: { blobContentType: 'application/octet-stream' },
      metadata: { qdrantchecksum: 'abc' },
      onProgress: (bytes) => progress.push(bytes),
    });
    const stored = await blob.downloadToBuffer();
    expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    const blocks = await blob.getBlockList('committed');
    expect(blocks.committedBlocks?.map((block) => block.size)).toEqual([MiB, MiB, MiB, MiB, MiB, 12_345]);
    const properties = await blob.getProperties();
    expect(properties).toMatchObject({ contentType: 'application/octet-stream', metadata: { qdrantchecksum: 'abc' } });
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toHaveLength(6);
  });

  it('an empty stream is an empty blob', async () => {
    const blob = container.getBlockBlobClient('empty');
    await uploadBlocksWithMd5(chunks(Buffer.alloc(0)), blob, { blockBytes: MiB, concurrency: 2 });
    expect((await blob.getProperties()).contentLength).toBe(0);
  });

  it('a source failure rejects with that error and commits nothing', async () => {
    const blob = container.getBlockBlobClient('cut-off');
    await expect(uploadBlocksWithMd5(chunks(randomBytes(4 * MiB), 2 * MiB), blob, { blockBytes: MiB, concurrency: 2 })).rejects.toThrow('download cut off');
    expect(await blob.exists()).toBe(false);
  });

  it('a refused block rejects with the service error', async () => {
    // Every request names the container: in a missing one, each block is refused.
    const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY);
    const elsewhere = new BlockBlobClient(`${azurite.url}/${AZURITE_ACCOUNT_NAME}/no-such-container/refused`, credential, { retryOptions: { maxTries: 1 } });
    await expect(uploadBlocksWithMd5(chunks(randomBytes(3 * MiB)), elsewhere, { blockBytes: MiB, concurrency: 2 })).rejects.toThrow(/container does not exist/i);
  });
});
