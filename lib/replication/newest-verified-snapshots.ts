import type { LifeboatConfig } from '@/lib/config/schema';
import { MANIFEST_SUFFIX, SNAPSHOT_PREFIX, SnapshotManifest } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';

/**
 * Per collection, the newest snapshot whose manifest says verified and whose blob is there with the
 * manifest's size. Manifests that do not parse, or point elsewhere, are ignored rather than trusted.
 */
export async function newestVerifiedSnapshots(config: LifeboatConfig, collection?: string): Promise<Map<string, SnapshotManifest>> {
  const container = snapshotContainer(config);
  const newest = new Map<string, SnapshotManifest>();
  if (!(await container.exists())) return newest;
  const candidates: SnapshotManifest[] = [];
  const prefix = collection === undefined ? SNAPSHOT_PREFIX : `${SNAPSHOT_PREFIX}${collection}/`;
  for await (const item of container.listBlobsFlat({ prefix })) {
    if (!item.name.endsWith(MANIFEST_SUFFIX)) continue;
    const text = (await container.getBlobClient(item.name).downloadToBuffer()).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const parsed = SnapshotManifest.safeParse(json);
    if (!parsed.success || !parsed.data.verified) continue;
    if (`${parsed.data.blobName}${MANIFEST_SUFFIX}` !== item.name || !item.name.startsWith(`${SNAPSHOT_PREFIX}${parsed.data.collection}/`)) continue;
    candidates.push(parsed.data);
  }
  candidates.sort((a, b) => b.snapshotCreatedAt.localeCompare(a.snapshotCreatedAt) || b.uploadedAt.localeCompare(a.uploadedAt));
  for (const manifest of candidates) {
    if (newest.has(manifest.collection)) continue;
    const properties = await container
      .getBlobClient(manifest.blobName)
      .getProperties()
      .catch((error: unknown) => {
        // A blob removed under its manifest (retention, hand cleanup) is skipped; Blob being down is not.
        if (typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404) return null;
        throw error;
      });
    if (properties?.contentLength === manifest.size) newest.set(manifest.collection, manifest);
  }
  return newest;
}
