import type { PointId } from './point-id';

export type Distance = 'Cosine' | 'Euclid' | 'Dot' | 'Manhattan';
export type VectorsConfig = { size: number; distance: Distance };
export type Payload = Record<string, unknown>;
export type PointRecord = { id: PointId; version: number; payload: Payload; vector: Float32Array };

/** Points per storage chunk: vectors live in fixed Float32Array chunks, so growing never copies them. */
export const CHUNK_POINTS = 4096;

/** What a point-in-time reader (snapshot, compaction) has left to read, and the old values it must still see. */
type ViewState = { end: number; cursor: number; preserved: Map<number, PointRecord> };

/** A consistent view of the table as it was when opened: read indexes 0..count-1 in order, then close. */
export type PointsView = {
  readonly config: VectorsConfig;
  readonly count: number;
  read(index: number): PointRecord;
  close(): void;
};

/** Cosine collections store unit vectors, as Qdrant does (and returns them normalised). */
export function prepareVector(config: VectorsConfig, values: ArrayLike<number>): Float32Array {
  const vector = Float32Array.from(values);
  if (config.distance !== 'Cosine') return vector;
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += (vector[i] ?? 0) * (vector[i] ?? 0);
  if (norm === 0) return vector;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}

/** One collection's points in memory: ids, versions, payloads and vectors, addressed by a dense slot index. */
export class PointsTable {
  private readonly chunks: Float32Array[] = [];
  private readonly ids: PointId[] = [];
  private readonly payloads: Payload[] = [];
  private readonly versions: number[] = [];
  private readonly slots = new Map<PointId, number>();
  private readonly views = new Set<ViewState>();

  constructor(readonly config: VectorsConfig) {}

  get size(): number {
    return this.ids.length;
  }

  slotOf(id: PointId): number | undefined {
    return this.slots.get(id);
  }

  idAt(index: number): PointId {
    return this.ids[index] as PointId;
  }

  payloadAt(index: number): Payload {
    return this.payloads[index] as Payload;
  }

  versionAt(index: number): number {
    return this.versions[index] ?? 0;
  }

  /** The stored vector, without copying: valid until the point is overwritten. */
  vectorAt(index: number): Float32Array {
    const dim = this.config.size;
    const chunk = this.chunks[Math.floor(index / CHUNK_POINTS)] as Float32Array;
    const offset = (index % CHUNK_POINTS) * dim;
    return chunk.subarray(offset, offset + dim);
  }

  /** For tight scoring loops: chunk `c` holds slots c*CHUNK_POINTS … (c+1)*CHUNK_POINTS-1, `dim` floats each. */
  chunkData(chunk: number): Float32Array {
    return this.chunks[chunk] as Float32Array;
  }

  /** Inserts or overwrites a point; `vector` must already be prepared (length = size, normalised for Cosine). */
  upsert(point: PointRecord): void {
    const existing = this.slots.get(point.id);
    const index = existing ?? this.ids.length;
    if (existing !== undefined) this.preserveForViews(existing);
    else {
      if (index % CHUNK_POINTS === 0 && this.chunks.length * CHUNK_POINTS <= index) {
        this.chunks.push(new Float32Array(CHUNK_POINTS * this.config.size));
      }
      this.ids.push(point.id);
      this.slots.set(point.id, index);
    }
    this.payloads[index] = point.payload;
    this.versions[index] = point.version;
    this.vectorAt(index).set(point.vector);
  }

  private preserveForViews(index: number): void {
    for (const view of this.views) {
      if (index >= view.cursor && index < view.end && !view.preserved.has(index)) {
        view.preserved.set(index, { id: this.idAt(index), version: this.versionAt(index), payload: this.payloadAt(index), vector: this.vectorAt(index).slice() });
      }
    }
  }

  /** A point-in-time reader: later writes do not show through it (copy-on-write of only the slots it has yet to read). */
  openView(): PointsView {
    const state: ViewState = { end: this.size, cursor: 0, preserved: new Map() };
    this.views.add(state);
    return {
      config: this.config,
      count: state.end,
      read: (index) => {
        const kept = state.preserved.get(index);
        state.preserved.delete(index);
        state.cursor = index + 1;
        return kept ?? { id: this.idAt(index), version: this.versionAt(index), payload: this.payloadAt(index), vector: this.vectorAt(index) };
      },
      close: () => {
        this.views.delete(state);
        state.preserved.clear();
      },
    };
  }
}
