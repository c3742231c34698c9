import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { replayWal, WalWriter } from './collection-wal';
import { KeyedQueue } from './keyed-queue';
import { alreadyExists, collectionNotFound } from './qdrant-error';
import { PointsTable, type PointRecord, type PointsView, type VectorsConfig } from './points-table';
import { readPointsFile } from './read-points-file';
import { TEMPORARY_SUFFIX, writePointsFile } from './write-points-file';

type LiveCollection = {
  name: string;
  table: PointsTable;
  walSeq: number;
  wal: WalWriter;
  baseBytes: number;
  nextOperationId: number;
  createdAt: Date;
  compaction?: Promise<void>;
  abort: AbortController;
};

export type CollectionSummary = { name: string; config: VectorsConfig; pointsCount: number };

const WAL_NAME = /^(.+)\.wal-(\d+)$/;

/** Compact when the log outgrows a quarter of the base file (16–128 MiB), so restarts stay quick. */
function compactionThreshold(baseBytes: number): number {
  return Math.min(128 << 20, Math.max(16 << 20, baseBytes / 4));
}

function highestVersion(table: PointsTable): number {
  let highest = 0;
  for (let i = 0; i < table.size; i++) highest = Math.max(highest, table.versionAt(i));
  return highest;
}

/**
 * The emulator's collections, in memory and on disk under `<dataDir>/collections`:
 * `<name>.points` (the base, written atomically in the snapshot format) and `<name>.wal-<seq>`
 * (append-only upserts since that base). Every change to one collection goes through its queue.
 */
export class CollectionStore {
  private readonly collections = new Map<string, LiveCollection>();
  private readonly queue = new KeyedQueue();
  private closing = false;

  private constructor(readonly dir: string) {}

  static async open(dataDir: string): Promise<CollectionStore> {
    const store = new CollectionStore(path.join(dataDir, 'collections'));
    await mkdir(store.dir, { recursive: true });
    const files = await readdir(store.dir);
    await Promise.all(files.filter((file) => TEMPORARY_SUFFIX.test(file)).map((file) => rm(path.join(store.dir, file), { force: true })));
    for (const file of files.filter((f) => f.endsWith('.points'))) await store.load(file.slice(0, -'.points'.length), files);
    return store;
  }

  private basePath(name: string): string {
    return path.join(this.dir, `${name}.points`);
  }

  private walPath(name: string, seq: number): string {
    return path.join(this.dir, `${name}.wal-${String(seq).padStart(6, '0')}`);
  }

  private async walSegments(name: string, files?: string[]): Promise<number[]> {
    const seqs: number[] = [];
    for (const file of files ?? (await readdir(this.dir))) {
      const match = WAL_NAME.exec(file);
      if (match && match[1] === name) seqs.push(Number(match[2]));
    }
    return seqs.sort((a, b) => a - b);
  }

  private async load(name: string, files: string[]): Promise<void> {
    let loaded;
    try {
      loaded = await readPointsFile(this.basePath(name));
    } catch (error) {
      throw new Error(`collection ${name}: ${this.basePath(name)} cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    const walFrom = loaded.header.walFrom ?? 1;
    let lastOperationId = highestVersion(loaded.table);
    let walSeq = walFrom;
    for (const seq of await this.walSegments(name, files)) {
      if (seq < walFrom) await rm(this.walPath(name, seq), { force: true });
      else {
        lastOperationId = Math.max(lastOperationId, (await replayWal(this.walPath(name, seq), loaded.table)).lastOperationId);
        walSeq = seq;
      }
    }
    this.collections.set(name, {
      name,
      table: loaded.table,
      walSeq,
      wal: await WalWriter.open(this.walPath(name, walSeq)),
      baseBytes: loaded.size,
      nextOperationId: lastOperationId + 1,
      createdAt: new Date(loaded.header.createdAt),
      abort: new AbortController(),
    });
  }

  names(): string[] {
    return [...this.collections.keys()].sort();
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  /** The collection's live table (for reads), or a 404 error. */
  table(name: string): PointsTable {
    const live = this.collections.get(name);
    if (!live) throw collectionNotFound(name);
    return live.table;
  }

  async create(name: string, config: VectorsConfig): Promise<void> {
    await this.queue.run(name, async () => {
      if (this.collections.has(name)) throw alreadyExists(`Collection \`${name}\` already exists!`);
      for (const seq of await this.walSegments(name)) await rm(this.walPath(name, seq), { force: true });
      const table = new PointsTable(config);
      const written = await writePointsFile(this.basePath(name), table.openView(), { collection: name, walFrom: 1 });
      this.collections.set(name, {
        name,
        table,
        walSeq: 1,
        wal: await WalWriter.open(this.walPath(name, 1)),
        baseBytes: written.size,
        nextOperationId: 1,
        createdAt: new Date(),
        abort: new AbortController(),
      });
    });
  }

  async delete(name: string): Promise<boolean> {
    return this.queue.run(name, async () => {
      const live = this.collections.get(name);
      if (!live) return false;
      this.collections.delete(name);
      live.abort.abort();
      await live.wal.close();
      await rm(this.basePath(name), { force: true });
      for (const seq of await this.walSegments(name)) await rm(this.walPath(name, seq), { force: true });
      return true;
    });
  }

  /**
   * Queues an upsert: `applied` settles once it is visible to reads and in the log. The operation id
   * is handed out at once, as Qdrant acknowledges `wait=false` writes.
   */
  upsert(name: string, points: Omit<PointRecord, 'version'>[]): { operationId: number; applied: Promise<void> } {
    const live = this.collections.get(name);
    if (!live) throw collectionNotFound(name);
    const operationId = live.nextOperationId++;
    const applied = this.queue.run(name, async () => {
      const current = this.collections.get(name);
      if (!current) throw collectionNotFound(name);
      const versioned = points.map((point) => ({ ...point, version: operationId }));
      for (const point of versioned) current.table.upsert(point);
      await current.wal.append(operationId, versioned);
      this.maybeCompact(current);
    });
    return { operationId, applied };
  }

  /** A point-in-time view taken after every write queued before it. */
  async openView(name: string): Promise<PointsView> {
    return this.queue.run(name, () => {
      const live = this.collections.get(name);
      if (!live) throw collectionNotFound(name);
      return live.table.openView();
    });
  }

  /** Replaces (or creates) a collection with a recovered table: a new base file, the old log dropped. */
  async replace(name: string, table: PointsTable): Promise<void> {
    await this.queue.run(name, async () => {
      const previous = this.collections.get(name);
      const segments = await this.walSegments(name);
      const walSeq = Math.max(previous?.walSeq ?? 0, ...segments) + 1;
      const written = await writePointsFile(this.basePath(name), table.openView(), { collection: name, walFrom: walSeq });
      if (previous) {
        previous.abort.abort();
        await previous.wal.close();
      }
      for (const seq of segments) await rm(this.walPath(name, seq), { force: true });
      this.collections.set(name, {
        name,
        table,
        walSeq,
        wal: await WalWriter.open(this.walPath(name, walSeq)),
        baseBytes: written.size,
        nextOperationId: Math.max(previous?.nextOperationId ?? 1, highestVersion(table) + 1),
        createdAt: previous?.createdAt ?? new Date(),
        abort: new AbortController(),
      });
    });
  }

  private maybeCompact(live: LiveCollection): void {
    if (this.closing || live.compaction || live.wal.bytes < compactionThreshold(live.baseBytes)) return;
    live.compaction = this.compact(live)
      .catch((error: unknown) => {
        if (!live.abort.signal.aborted) console.error(`qdrant emulator: compacting ${live.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        live.compaction = undefined;
      });
  }

  /**
   * Writes a new base from a point-in-time view while later upserts go to a fresh log segment;
   * the base is swapped in only if the collection was not replaced or deleted meanwhile.
   */
  private async compact(live: LiveCollection): Promise<void> {
    const { view, walFrom, oldSeqs } = await this.queue.run(live.name, async () => {
      const oldSeqs = await this.walSegments(live.name);
      const previousWal = live.wal;
      live.walSeq += 1;
      live.wal = await WalWriter.open(this.walPath(live.name, live.walSeq));
      await previousWal.close();
      return { view: live.table.openView(), walFrom: live.walSeq, oldSeqs };
    });
    await writePointsFile(this.basePath(live.name), view, {
      collection: live.name,
      walFrom,
      signal: live.abort.signal,
      commit: (temporary, written) =>
        this.queue.run(live.name, async () => {
          if (this.collections.get(live.name) !== live) throw new Error('collection replaced during compaction');
          await rename(temporary, this.basePath(live.name));
          live.baseBytes = written.size;
          for (const seq of oldSeqs) await rm(this.walPath(live.name, seq), { force: true });
        }),
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const live of this.collections.values()) live.abort.abort();
    await this.queue.idle();
    await Promise.all([...this.collections.values()].map((live) => live.compaction));
    await this.queue.idle();
    await Promise.all([...this.collections.values()].map((live) => live.wal.close().catch(() => undefined)));
    this.collections.clear();
  }
}
