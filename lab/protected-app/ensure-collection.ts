import type { QdrantClient } from '@qdrant/js-client-rest';

/** Creates the region's collection (cosine, `size` dims) unless it exists; a concurrent creator winning is fine. */
export async function ensureCollection(qdrant: QdrantClient, name: string, size: number): Promise<void> {
  if ((await qdrant.collectionExists(name)).exists) return;
  try {
    await qdrant.createCollection(name, { vectors: { size, distance: 'Cosine' } });
  } catch (error) {
    if (!(await qdrant.collectionExists(name)).exists) throw error;
  }
}
