import type { LifeboatConfig } from '@/lib/config/schema';
import { newestVerifiedSnapshots } from '@/lib/replication/newest-verified-snapshots';
import { snapshotContainer } from '@/lib/replication/snapshot-container';

/**
 * Tests: silent damage at rest in Blob. Flips bytes in the middle of the newest verified snapshot
 * of `collection` taken in `sourceRegion` (same length, manifest untouched), so only the target
 * Qdrant's sha256 check can refuse it. Returns the blob's name and a repair that puts the bytes back.
 */
export async function corruptSnapshotBlob(config: LifeboatConfig, collection: string, sourceRegion: string): Promise<{ blobName: string; repair(): Promise<void> }> {
  const manifest = (await newestVerifiedSnapshots(config, collection, sourceRegion)).get(collection);
  if (!manifest) throw new Error(`no verified snapshot of ${collection} from ${sourceRegion} to corrupt`);
  const blob = snapshotContainer(config).getBlockBlobClient(manifest.blobName);
  const original = await blob.downloadToBuffer();
  const damaged = Buffer.from(original);
  const middle = Math.floor(damaged.length / 2);
  for (let i = middle; i < Math.min(middle + 64, damaged.length); i += 1) damaged[i] = (damaged[i] ?? 0) ^ 0xa5;
  await blob.uploadData(damaged);
  return { blobName: manifest.blobName, repair: async () => void (await blob.uploadData(original)) };
}
