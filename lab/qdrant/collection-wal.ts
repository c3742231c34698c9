import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { ByteReader, encodePoints, readPoint } from './points-file-format';
import type { PointRecord, PointsTable } from './points-table';

/**
 * A collection's write-ahead log segment: one record per acknowledged upsert, appended in order,
 * replayed on top of the collection's base file at start.
 * Record: u32 body length | u8 kind (1 = upsert) | f64 operation id | u32 point count | points.
 */
const UPSERT = 1;

export class WalWriter {
  private constructor(
    private readonly handle: FileHandle,
    public bytes: number,
  ) {}

  static async open(file: string): Promise<WalWriter> {
    const handle = await open(file, 'a');
    return new WalWriter(handle, (await handle.stat()).size);
  }

  async append(operationId: number, points: readonly PointRecord[]): Promise<void> {
    const body = encodePoints(points);
    const head = Buffer.allocUnsafe(4 + 1 + 8 + 4);
    head.writeUInt32LE(1 + 8 + 4 + body.length, 0);
    head.writeUInt8(UPSERT, 4);
    head.writeDoubleLE(operationId, 5);
    head.writeUInt32LE(points.length, 13);
    const record = Buffer.concat([head, body]);
    await this.handle.write(record);
    this.bytes += record.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export type ReplayResult = { records: number; lastOperationId: number; truncatedAt?: number };

/** Applies a segment's records to `table`; a torn or unreadable tail (a crash mid-append) is cut off. */
export async function replayWal(file: string, table: PointsTable): Promise<ReplayResult> {
  const data = await readFile(file);
  let offset = 0;
  let records = 0;
  let lastOperationId = 0;
  while (offset < data.length) {
    const start = offset;
    try {
      if (data.length - offset < 4) throw new Error('torn length');
      const length = data.readUInt32LE(offset);
      if (data.length - offset - 4 < length || length < 13) throw new Error('torn record');
      const body = data.subarray(offset + 4, offset + 4 + length);
      if (body.readUInt8(0) !== UPSERT) throw new Error('unknown record kind');
      const operationId = body.readDoubleLE(1);
      const count = body.readUInt32LE(9);
      const reader = new ByteReader((async function* () {
        yield body.subarray(13);
      })());
      const points: PointRecord[] = [];
      for (let i = 0; i < count; i++) points.push(await readPoint(reader, table.config.size));
      if (!(await reader.atEnd())) throw new Error('record longer than its points');
      for (const point of points) table.upsert(point);
      lastOperationId = operationId;
      records++;
      offset += 4 + length;
    } catch {
      await truncate(file, start);
      return { records, lastOperationId, truncatedAt: start };
    }
  }
  return { records, lastOperationId };
}
