import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { BlockBlobClient } from '@azure/storage-blob';

/** A blob's bytes as a stream, hashed with sha256 on the way; `sha256()` is the digest once the stream ended. */
export async function downloadHashed(blob: BlockBlobClient): Promise<{ stream: Readable; sha256: () => string }> {
  const download = await blob.download();
  if (!download.readableStreamBody) throw new Error('download returned no body');
  const hash = createHash('sha256');
  const hashed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // A download error destroys `hashed`, which fails whatever consumes it.
  pipeline(download.readableStreamBody, hashed, () => undefined);
  return { stream: hashed, sha256: () => hash.digest('hex') };
}
