import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CollectionStore } from './collection-store';
import { notFound } from './qdrant-error';
import { TEMPORARY_SUFFIX, writePointsFile } from './write-points-file';

/** Qdrant's SnapshotDescription. */
export type SnapshotDescription = { name: string; creation_time: string | null; size: number; checksum: string | null };

/** Qdrant prints snapshot times without a zone (UTC) and to the second. */
function creationTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function stamp(date: Date): string {
  return creationTime(date).replace('T', '-').replace(/:/g, '-');
}

/** A snapshot name from a URL path: one plain file name, nothing that could leave the folder. */
function isPlainName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/**
 * Collection snapshots as files under `<dataDir>/snapshots/<collection>/`, each
 * `<collection>-<peer id>-<YYYY-MM-DD-HH-MM-SS>.snapshot` with a `.checksum` beside it holding the
 * file's lowercase hex sha256, as Qdrant lays them out.
 */
export class SnapshotShelf {
  private readonly reserved = new Set<string>();

  constructor(
    readonly root: string,
    private readonly peerId: string,
  ) {}

  /** Removes snapshot files an interrupted creation left half-written. */
  async sweep(): Promise<void> {
    for (const collection of await readdir(this.root).catch(() => [] as string[])) {
      const files = await readdir(this.folder(collection)).catch(() => [] as string[]);
      await Promise.all(files.filter((file) => TEMPORARY_SUFFIX.test(file)).map((file) => rm(path.join(this.folder(collection), file), { force: true })));
    }
  }

  /** Collections that have a snapshot folder. */
  async collections(): Promise<string[]> {
    return readdir(this.root).catch(() => [] as string[]);
  }

  folder(collection: string): string {
    return path.join(this.root, collection);
  }

  private async describe(collection: string, name: string): Promise<SnapshotDescription | null> {
    const file = path.join(this.folder(collection), name);
    try {
      const info = await stat(file);
      const checksum = await readFile(`${file}.checksum`, 'utf8').then((text) => text.trim(), () => null);
      return { name, creation_time: creationTime(info.mtime), size: info.size, checksum };
    } catch {
      return null;
    }
  }

  async list(collection: string): Promise<SnapshotDescription[]> {
    const files = await readdir(this.folder(collection)).catch(() => [] as string[]);
    const found = await Promise.all(files.filter((file) => file.endsWith('.snapshot')).map((file) => this.describe(collection, file)));
    return found
      .filter((entry): entry is SnapshotDescription => entry !== null)
      .sort((a, b) => (a.creation_time ?? '').localeCompare(b.creation_time ?? '') || a.name.localeCompare(b.name));
  }

  /** A name for a snapshot taken now; within the same second, the next free second (so names stay unique and ordered). */
  private reserveName(collection: string): { name: string; created: Date } {
    const created = new Date(Math.floor(Date.now() / 1000) * 1000);
    for (;;) {
      const name = `${collection}-${this.peerId}-${stamp(created)}.snapshot`;
      if (!this.reserved.has(name) && !existsSync(path.join(this.folder(collection), name))) {
        this.reserved.add(name);
        return { name, created };
      }
      created.setTime(created.getTime() + 1000);
    }
  }

  /** Streams a point-in-time view of the collection into a new snapshot file; the checksum file lands first. */
  async create(store: CollectionStore, collection: string): Promise<SnapshotDescription> {
    const view = await store.openView(collection);
    const folder = this.folder(collection);
    await mkdir(folder, { recursive: true });
    const { name, created } = this.reserveName(collection);
    const target = path.join(folder, name);
    try {
      const written = await writePointsFile(target, view, {
        collection,
        commit: async (temporary, file) => {
          await writeFile(`${target}.checksum`, file.sha256);
          await utimes(temporary, created, created);
          await rename(temporary, target);
        },
      });
      return { name, creation_time: creationTime(created), size: written.size, checksum: written.sha256 };
    } finally {
      this.reserved.delete(name);
    }
  }

  /** The file behind a snapshot name, or Qdrant's 404. */
  async find(collection: string, name: string): Promise<string> {
    const file = path.join(this.folder(collection), name);
    if (!isPlainName(name) || name.endsWith('.checksum') || !(await stat(file).then((s) => s.isFile(), () => false))) {
      throw notFound(`Snapshot ${name} not found`);
    }
    return file;
  }

  async delete(collection: string, name: string): Promise<void> {
    const file = await this.find(collection, name);
    await rm(file);
    await rm(`${file}.checksum`, { force: true });
  }

  /** Keeps an uploaded snapshot in the collection's folder, as Qdrant does, replacing any stale checksum of that name. */
  async keepUpload(collection: string, uploaded: string, fileName: string | undefined): Promise<string> {
    const folder = this.folder(collection);
    await mkdir(folder, { recursive: true });
    const base = fileName ? path.basename(fileName) : '';
    const name = isPlainName(base) && !base.endsWith('.checksum') ? base : `${path.basename(uploaded)}.snapshot`;
    const target = path.join(folder, name);
    await rm(`${target}.checksum`, { force: true });
    await rename(uploaded, target);
    return target;
  }

  /** Whether `file` lies inside the snapshot folders (the only place a `file://` recovery may read). */
  contains(file: string): boolean {
    const relative = path.relative(this.root, path.resolve(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }
}
