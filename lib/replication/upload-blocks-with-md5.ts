import { createHash, randomUUID } from 'node:crypto';
import type { BlobHTTPHeaders, BlobRequestConditions, BlockBlobClient } from '@azure/storage-blob';

export type UploadBlocksOptions = {
  blockBytes: number;
  /** Blocks staged at once; memory stays near (concurrency + 1) × blockBytes. */
  concurrency: number;
  blobHTTPHeaders?: BlobHTTPHeaders;
  metadata?: Record<string, string>;
  /** Conditions on the final commit, e.g. `ifNoneMatch: '*'` never to replace an existing blob. */
  conditions?: BlobRequestConditions;
  /** Bytes staged so far, after each block. */
  onProgress?: (uploadedBytes: number) => void;
};

/**
 * A stream as a block blob, like the SDK's `uploadStream` but with each block's Content-MD5: Blob refuses
 * a block damaged on the way, and Azurite checks MD5 natively instead of its pure-JavaScript CRC64 (its
 * bottleneck otherwise). Commits only if every block was staged; rejects once no block is in flight.
 */
export async function uploadBlocksWithMd5(source: AsyncIterable<Uint8Array>, blob: BlockBlobClient, options: UploadBlocksOptions): Promise<void> {
  const { blockBytes, concurrency } = options;
  const prefix = randomUUID();
  const blockIds: string[] = [];
  const free: Buffer[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let uploaded = 0;

  const throwIfFailed = () => {
    if (failure !== null) throw failure.error;
  };

  const stage = async (block: Buffer, length: number) => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    throwIfFailed();
    // Same-length ids, as Blob requires: a per-upload prefix and the block's index.
    const id = Buffer.from(`${prefix}-${String(blockIds.length).padStart(6, '0')}`).toString('base64');
    blockIds.push(id);
    const body = block.subarray(0, length);
    const staging: Promise<void> = blob
      .stageBlock(id, body, length, { transactionalContentMD5: createHash('md5').update(body).digest() })
      .then(
        () => {
          uploaded += length;
          options.onProgress?.(uploaded);
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => {
        inFlight.delete(staging);
        free.push(block);
      });
    inFlight.add(staging);
  };

  try {
    let current: Buffer = Buffer.allocUnsafe(blockBytes);
    let filled = 0;
    for await (const chunk of source) {
      for (let offset = 0; offset < chunk.length; ) {
        const take = Math.min(blockBytes - filled, chunk.length - offset);
        current.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === blockBytes) {
          await stage(current, filled);
          current = free.pop() ?? Buffer.allocUnsafe(blockBytes);
          filled = 0;
        }
      }
    }
    if (filled > 0) await stage(current, filled);
    await Promise.all(inFlight);
    throwIfFailed();
    await blob.commitBlockList(blockIds, { blobHTTPHeaders: options.blobHTTPHeaders, metadata: options.metadata, conditions: options.conditions });
  } catch (error) {
    await Promise.allSettled(inFlight);
    throw error;
  }
}
