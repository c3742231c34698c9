import { open, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotShelf } from './snapshot-shelf';

/** The newest snapshot file (by mtime, then name) of one collection or of all, or null. */
async function newestSnapshot(shelf: SnapshotShelf, collection?: string): Promise<string | null> {
  let newest: { file: string; mtimeMs: number; name: string } | null = null;
  for (const name of collection ? [collection] : await shelf.collections()) {
    for (const snapshot of await shelf.list(name)) {
      const file = path.join(shelf.folder(name), snapshot.name);
      const { mtimeMs } = await stat(file);
      if (!newest || mtimeMs > newest.mtimeMs || (mtimeMs === newest.mtimeMs && snapshot.name > newest.name)) newest = { file, mtimeMs, name: snapshot.name };
    }
  }
  return newest?.file ?? null;
}

/**
 * The fault switch: damages the newest snapshot file in place (same size, same mtime) and leaves its
 * `.checksum` with the old hash, as silent corruption at rest would. Returns its path, or null if none.
 */
export async function corruptNewestSnapshot(shelf: SnapshotShelf, collection?: string): Promise<string | null> {
  const file = await newestSnapshot(shelf, collection);
  if (!file) return null;
  const info = await stat(file);
  const handle = await open(file, 'r+');
  try {
    let damagedUpTo = -1;
    for (const fraction of [0.35, 0.6, 0.85]) {
      const position = Math.min(Math.floor(info.size * fraction), Math.max(0, info.size - 16));
      // Flipping the same bytes twice would undo the damage.
      if (position < damagedUpTo) continue;
      damagedUpTo = position + 16;
      const bytes = Buffer.alloc(Math.min(16, info.size));
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, position);
      for (let i = 0; i < bytesRead; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xa5;
      await handle.write(bytes, 0, bytesRead, position);
    }
  } finally {
    await handle.close();
  }
  await utimes(file, info.atime, info.mtime);
  return file;
}
