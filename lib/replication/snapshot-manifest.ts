import { z } from 'zod';

/** Written next to each snapshot blob, last: a snapshot without a verified manifest is never "latest". */
export const SnapshotManifest = z.strictObject({
  collection: z.string().min(1),
  snapshotName: z.string().min(1),
  blobName: z.string().min(1),
  pointsCount: z.int().nonnegative(),
  size: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sourceRegion: z.string().min(1),
  snapshotCreatedAt: z.iso.datetime(),
  uploadedAt: z.iso.datetime(),
  verified: z.boolean(),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;

export const SNAPSHOT_PREFIX = 'qdrant/';
export const MANIFEST_SUFFIX = '.manifest.json';

export function snapshotBlobName(collection: string, snapshotName: string): string {
  return `${SNAPSHOT_PREFIX}${collection}/${snapshotName}`;
}

export function manifestBlobName(collection: string, snapshotName: string): string {
  return `${snapshotBlobName(collection, snapshotName)}${MANIFEST_SUFFIX}`;
}
