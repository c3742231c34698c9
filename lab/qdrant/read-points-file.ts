import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ByteReader, DIGEST_BYTES, END_MAGIC, FILE_MAGIC, PointsFileHeader, readPoint } from './points-file-format';
import { PointsTable } from './points-table';

export type LoadedPointsFile = { header: PointsFileHeader; table: PointsTable; sha256: string; size: number };

/** Streams the file's bytes while hashing all of them (the file checksum) and all but the trailing digest. */
async function* hashedChunks(file: string, whole: ReturnType<typeof createHash>, inner: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  let held = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    whole.update(chunk);
    const joined = held.length ? Buffer.concat([held, chunk]) : chunk;
    const cut = Math.max(0, joined.length - DIGEST_BYTES);
    inner.update(joined.subarray(0, cut));
    held = Buffer.from(joined.subarray(cut));
    yield chunk;
  }
}

/**
 * Loads a lab collection file into a new table, refusing anything damaged: wrong magic, bad header,
 * truncated records, trailing bytes or a digest that does not match the content.
 */
export async function readPointsFile(file: string): Promise<LoadedPointsFile> {
  const whole = createHash('sha256');
  const inner = createHash('sha256');
  const reader = new ByteReader(hashedChunks(file, whole, inner));
  if (!(await reader.read(FILE_MAGIC.length)).equals(FILE_MAGIC)) throw new Error('not a lab Qdrant snapshot (bad magic)');
  const headerLength = (await reader.read(4)).readUInt32LE(0);
  if (headerLength > 1 << 20) throw new Error(`header length ${headerLength} is implausible`);
  let header: PointsFileHeader;
  try {
    header = PointsFileHeader.parse(JSON.parse((await reader.read(headerLength)).toString('utf8')));
  } catch (error) {
    throw new Error(`bad header: ${error instanceof Error ? error.message : String(error)}`);
  }
  const table = new PointsTable(header.vectors);
  for (let i = 0; i < header.pointsCount; i++) {
    const point = await readPoint(reader, header.vectors.size);
    if (point.vector.length !== header.vectors.size) throw new Error(`point ${i} has a vector of the wrong size`);
    table.upsert(point);
  }
  if (!(await reader.read(END_MAGIC.length)).equals(END_MAGIC)) throw new Error(`no end marker after ${header.pointsCount} points`);
  const digest = await reader.read(DIGEST_BYTES);
  if (!(await reader.atEnd())) throw new Error('unexpected bytes after the end marker');
  if (!timingSafeEqual(digest, inner.digest())) throw new Error('content digest mismatch: the file is damaged');
  if (table.size !== header.pointsCount) throw new Error(`header says ${header.pointsCount} points, file holds ${table.size} distinct ids`);
  return { header, table, sha256: whole.digest('hex'), size: reader.consumed };
}
