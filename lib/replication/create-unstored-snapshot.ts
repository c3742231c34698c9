import type { QdrantNode } from './qdrant-client';

export type CreatedSnapshot = { name: string; checksum: string; size?: number; creation_time?: string | null };

const ATTEMPTS = 4;

function untilNextSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

/**
 * A new Qdrant snapshot whose name `isTaken` says is free. Qdrant names snapshots to the second, so two
 * taken within one second share a name: the fresh one is dropped and taken again the next second,
 * rather than overwriting (or, on failure, deleting) the verified snapshot already stored under it.
 */
export async function createUnstoredSnapshot(node: QdrantNode, collection: string, isTaken: (name: string) => Promise<boolean>): Promise<CreatedSnapshot> {
  for (let attempt = 1; ; attempt += 1) {
    const created = await node.client.createSnapshot(collection, { wait: true });
    const checksum = created?.checksum;
    if (!created || !checksum) throw new Error('no snapshot description with a checksum in the answer');
    const taken = await isTaken(created.name).catch(async (error: unknown) => {
      await node.client.deleteSnapshot(collection, created.name).catch(() => undefined);
      throw error;
    });
    if (!taken) return { ...created, checksum };
    await node.client.deleteSnapshot(collection, created.name);
    if (attempt === ATTEMPTS) throw new Error(`a snapshot named ${created.name} is already in Blob after ${ATTEMPTS} tries; the stored one is kept`);
    await untilNextSecond();
  }
}
