import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobRequestConditions, BlockBlobClient } from '@azure/storage-blob';
import { openSnapshotDownload } from './open-snapshot-download';
import type { QdrantNode } from './qdrant-client';
import { uploadBlocksWithMd5 } from './upload-blocks-with-md5';

/** Block size and blocks staged at once: memory stays near (concurrency + 1) blocks whatever the snapshot's size. */
export const SNAPSHOT_BLOCK_BYTES = 8 * 1024 * 1024;
export const SNAPSHOT_UPLOAD_CONCURRENCY = 4;

export type StreamSnapshotOptions = {
  metadata?: Record<string, string>;
  conditions?: BlobRequestConditions;
  /** Bytes uploaded so far, after each block. */
  onProgress?: (uploadedBytes: number) => void;
  blockBytes?: number;
  concurrency?: number;
};

export type StreamedSnapshot = { bytes: number; sha256: string; seconds: number };

/** Which side failed (Qdrant's download or Blob's upload), the original error and how many bytes had passed. */
export class SnapshotStreamError extends Error {
  constructor(
    readonly side: 'download' | 'upload',
    readonly failure: unknown,
    readonly bytes: number,
  ) {
    super(`${side} failed after ${bytes} bytes`, { cause: failure });
  }
}

/**
 * Streams one Qdrant snapshot over its REST download into a block blob, hashing it with sha256 on
 * the way. It does not compare the checksum, write a manifest or remove a partial blob: the caller does.
 */
export async function streamSnapshotToBlob(
  node: Pick<QdrantNode, 'url' | 'apiKey'>,
  collection: string,
  snapshotName: string,
  target: BlockBlobClient,
  options: StreamSnapshotOptions = {},
): Promise<StreamedSnapshot> {
  const startedAt = performance.now();
  let bytes = 0;
  let source: Readable;
  try {
    source = await openSnapshotDownload(node, collection, snapshotName);
  } catch (error) {
    throw new SnapshotStreamError('download', error, bytes);
  }
  const hash = createHash('sha256');
  let sourceError: unknown = null;
  // Hashes each chunk as the upload pulls it; a download failure is told apart from an upload failure.
  async function* hashed(download: Readable): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of download as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    } catch (error) {
      sourceError = error;
      throw error;
    }
  }
  try {
    await uploadBlocksWithMd5(hashed(source), target, {
      blockBytes: options.blockBytes ?? SNAPSHOT_BLOCK_BYTES,
      concurrency: options.concurrency ?? SNAPSHOT_UPLOAD_CONCURRENCY,
      blobHTTPHeaders: { blobContentType: 'application/octet-stream' },
      metadata: options.metadata,
      conditions: options.conditions,
      onProgress: options.onProgress,
    });
  } catch (error) {
    throw sourceError === null ? new SnapshotStreamError('upload', error, bytes) : new SnapshotStreamError('download', sourceError, bytes);
  } finally {
    source.destroy();
  }
  return { bytes, sha256: hash.digest('hex'), seconds: (performance.now() - startedAt) / 1000 };
}
