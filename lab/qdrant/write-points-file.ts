import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { END_MAGIC, FILE_MAGIC, FORMAT_NAME, encodePoints, type PointsFileHeader } from './points-file-format';
import type { PointRecord, PointsView } from './points-table';

const BATCH_BYTES = 1 << 20;
/** Temporary files left by an interrupted write end like this; the folders' owners sweep them at start. */
export const TEMPORARY_SUFFIX = /\.tmp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BATCH_POINTS = 512;

export type WrittenFile = { size: number; sha256: string; pointsCount: number };

export type WritePointsFileOptions = {
  collection: string;
  walFrom?: number;
  signal?: AbortSignal;
  /** Moves the complete, synced temporary file into place (default: rename it to `target`). */
  commit?: (temporary: string, written: WrittenFile) => Promise<void>;
};

/**
 * Streams a point-in-time view into `target` in the lab's collection file format, through a temporary
 * file that is synced and renamed, so readers only ever see a complete file. Closes the view.
 */
export async function writePointsFile(target: string, view: PointsView, options: WritePointsFileOptions): Promise<WrittenFile> {
  const temporary = `${target}.tmp-${randomUUID()}`;
  const inner = createHash('sha256');
  const whole = createHash('sha256');
  const handle = await open(temporary, 'wx');
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await handle.write(chunk);
  };
  const push = async (buffer: Buffer, hashedInside = true) => {
    if (hashedInside) inner.update(buffer);
    whole.update(buffer);
    size += buffer.length;
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= BATCH_BYTES) await flush();
  };

  try {
    const header: PointsFileHeader = {
      format: FORMAT_NAME,
      formatVersion: 1,
      collection: options.collection,
      vectors: { size: view.config.size, distance: view.config.distance },
      pointsCount: view.count,
      createdAt: new Date().toISOString(),
      qdrantVersion: '1.19.0',
      ...(options.walFrom === undefined ? {} : { walFrom: options.walFrom }),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(headerBytes.length, 0);
    await push(Buffer.concat([FILE_MAGIC, length, headerBytes]));

    for (let start = 0; start < view.count; start += BATCH_POINTS) {
      if (options.signal?.aborted) throw new Error('cancelled');
      const batch: PointRecord[] = [];
      for (let i = start; i < Math.min(view.count, start + BATCH_POINTS); i++) batch.push(view.read(i));
      await push(encodePoints(batch));
    }
    await push(END_MAGIC);
    await push(inner.digest(), false);
    await flush();
    await handle.sync();
    await handle.close();
    const written = { size, sha256: whole.digest('hex'), pointsCount: view.count };
    await (options.commit ?? ((from: string) => rename(from, target)))(temporary, written);
    return written;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  } finally {
    view.close();
  }
}
