import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { CollectionStore } from './collection-store';
import { describeFailure, serviceError, wrongInput } from './qdrant-error';
import type { SnapshotPriority } from './qdrant-requests';
import { readPointsFile } from './read-points-file';

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Recovering into a collection that does not exist creates it, and the lab requires
 * `priority: "snapshot"` for that, as recorded in the lab design (Lifeboat always sends it).
 */
export function checkRecoveryTarget(store: CollectionStore, collection: string, priority: SnapshotPriority | null | undefined): void {
  if (!store.has(collection) && priority !== 'snapshot') {
    throw wrongInput(`Collection \`${collection}\` does not exist: recovering a snapshot into a new collection needs priority "snapshot"`);
  }
}

export type RecoverFrom = {
  file: string;
  /** sha256 already computed while the file was received. */
  sha256?: string;
  checksum?: string | null;
  priority?: SnapshotPriority | null;
};

/**
 * Verifies, parses and swaps in a snapshot. Nothing changes unless every check passes: a checksum
 * mismatch is Qdrant's 400, a damaged file a 500 ("failed to unpack"), a snapshot whose vectors
 * differ from the existing collection's a 400.
 */
export async function recoverCollection(store: CollectionStore, collection: string, from: RecoverFrom): Promise<void> {
  if (from.checksum) {
    const actual = from.sha256 ?? (await hashFile(from.file));
    if (actual.toLowerCase() !== from.checksum.toLowerCase()) {
      throw wrongInput(`Snapshot checksum mismatch: expected ${from.checksum}, got ${actual}`);
    }
  }
  let loaded;
  try {
    loaded = await readPointsFile(from.file);
  } catch (error) {
    throw serviceError(`Failed to unpack snapshot: ${describeFailure(error)}`);
  }
  checkRecoveryTarget(store, collection, from.priority);
  if (store.has(collection)) {
    const current = store.table(collection).config;
    const incoming = loaded.header.vectors;
    if (current.size !== incoming.size || current.distance !== incoming.distance) {
      throw wrongInput(
        `Snapshot is not compatible with existing collection: Collection vectors: ${JSON.stringify(current)} Snapshot Vectors: ${JSON.stringify(incoming)}`,
      );
    }
  }
  await store.replace(collection, loaded.table);
}
