import { z } from 'zod';
import { bytesToUuid, uuidToBytes, type PointId } from './point-id';
import type { Payload, PointRecord } from './points-table';

/**
 * The lab's collection file (snapshots and collection base files; layout in lab/qdrant/README.md).
 * It ends with the sha256 of all bytes before it, so damage is found without an outside checksum.
 */
export const FILE_MAGIC = Buffer.from('QLABSNAP', 'latin1');
export const END_MAGIC = Buffer.from('QLABEND!', 'latin1');
export const DIGEST_BYTES = 32;
export const FORMAT_NAME = 'qdrant-lab-snapshot';

export const PointsFileHeader = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(1),
  collection: z.string(),
  vectors: z.object({ size: z.number().int().min(1).max(65536), distance: z.enum(['Cosine', 'Euclid', 'Dot', 'Manhattan']) }),
  pointsCount: z.number().int().min(0),
  createdAt: z.string(),
  qdrantVersion: z.string(),
  /** Collection base files only: the first write-ahead log segment to replay on top of this file. */
  walFrom: z.number().int().min(1).optional(),
});
export type PointsFileHeader = z.infer<typeof PointsFileHeader>;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function vectorBytes(vector: Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
  const out = Buffer.allocUnsafe(vector.length * 4);
  vector.forEach((value, i) => out.writeFloatLE(value, i * 4));
  return out;
}

/** Encodes points back to back into one buffer. */
export function encodePoints(points: readonly PointRecord[]): Buffer {
  const payloads = points.map((point) => (Object.keys(point.payload).length === 0 ? null : Buffer.from(JSON.stringify(point.payload), 'utf8')));
  let total = 0;
  points.forEach((point, i) => {
    total += 1 + (typeof point.id === 'number' ? 8 : 16) + 8 + 4 + (payloads[i]?.length ?? 0) + point.vector.length * 4;
  });
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  points.forEach((point, i) => {
    if (typeof point.id === 'number') {
      at = out.writeUInt8(0, at);
      at = out.writeBigUInt64LE(BigInt(point.id), at);
    } else {
      at = out.writeUInt8(1, at);
      at += uuidToBytes(point.id).copy(out, at);
    }
    at = out.writeDoubleLE(point.version, at);
    const payload = payloads[i];
    at = out.writeUInt32LE(payload?.length ?? 0, at);
    if (payload) at += payload.copy(out, at);
    at += vectorBytes(point.vector).copy(out, at);
  });
  return out;
}

/** Pulls exact byte counts out of a chunked stream. */
export class ByteReader {
  private current: Buffer = Buffer.alloc(0);
  private offset = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  consumed = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    for (;;) {
      const next = await this.iterator.next();
      if (next.done) return false;
      if (next.value.length > 0) {
        this.current = next.value;
        this.offset = 0;
        return true;
      }
    }
  }

  async read(length: number): Promise<Buffer> {
    if (this.current.length - this.offset >= length) {
      const slice = this.current.subarray(this.offset, this.offset + length);
      this.offset += length;
      this.consumed += length;
      return slice;
    }
    const parts: Buffer[] = [];
    let missing = length;
    while (missing > 0) {
      if (this.offset >= this.current.length && !(await this.fill())) throw new Error(`unexpected end of file at byte ${this.consumed + length - missing}`);
      const take = Math.min(missing, this.current.length - this.offset);
      parts.push(this.current.subarray(this.offset, this.offset + take));
      this.offset += take;
      missing -= take;
    }
    this.consumed += length;
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, length);
  }

  async atEnd(): Promise<boolean> {
    return this.offset >= this.current.length && !(await this.fill());
  }
}

/** Decodes one point record (the table copies its vector into chunk storage). */
export async function readPoint(reader: ByteReader, dim: number): Promise<PointRecord> {
  const kind = (await reader.read(1)).readUInt8(0);
  let id: PointId;
  if (kind === 0) {
    const value = (await reader.read(8)).readBigUInt64LE(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`point id ${value} is beyond what the lab supports`);
    id = Number(value);
  } else if (kind === 1) id = bytesToUuid(await reader.read(16));
  else throw new Error(`unknown point id kind ${kind} at byte ${reader.consumed - 1}`);
  const version = (await reader.read(8)).readDoubleLE(0);
  const payloadLength = (await reader.read(4)).readUInt32LE(0);
  let payload: Payload = {};
  if (payloadLength > 0) {
    const parsed: unknown = JSON.parse((await reader.read(payloadLength)).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('a point payload is not an object');
    payload = parsed as Payload;
  }
  const raw = await reader.read(dim * 4);
  const vector = new Float32Array(dim);
  if (LITTLE_ENDIAN) new Uint8Array(vector.buffer).set(raw);
  else for (let i = 0; i < dim; i++) vector[i] = raw.readFloatLE(i * 4);
  return { id, version, payload, vector };
}
