import type { LifeboatConfig } from '@/lib/config/schema';
import { MANIFEST_SUFFIX, SNAPSHOT_PREFIX, SnapshotManifest } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';

type Candidate = { name: string; collection: string; uploadedAt: number };

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404;
}

/**
 * Per collection, the newest snapshot whose manifest parses, says verified, names its own blob, and
 * whose blob is there with the manifest's size. Ordered by when each manifest was written, from the
 * listing alone: manifests are downloaded newest first until one passes, however many retention keeps.
 * `sourceRegion` (an Azure region name) keeps only snapshots taken there: a restore never reads back its own.
 */
export async function newestVerifiedSnapshots(config: LifeboatConfig, collection?: string, sourceRegion?: string): Promise<Map<string, SnapshotManifest>> {
  const container = snapshotContainer(config);
  const newest = new Map<string, SnapshotManifest>();
  if (!(await container.exists())) return newest;
  const candidates: Candidate[] = [];
  for await (const item of container.listBlobsFlat({ prefix: collection === undefined ? SNAPSHOT_PREFIX : `${SNAPSHOT_PREFIX}${collection}/` })) {
    if (!item.name.endsWith(MANIFEST_SUFFIX)) continue;
    const collection = item.name.slice(SNAPSHOT_PREFIX.length).split('/')[0] ?? '';
    candidates.push({ name: item.name, collection, uploadedAt: (item.properties.createdOn ?? item.properties.lastModified).getTime() });
  }
  // Creation times have whole-second resolution; Qdrant's snapshot names end in their time, so the name breaks ties.
  candidates.sort((a, b) => b.uploadedAt - a.uploadedAt || b.name.localeCompare(a.name));
  for (const candidate of candidates) {
    if (newest.has(candidate.collection)) continue;
    let json: unknown;
    try {
      json = JSON.parse((await container.getBlobClient(candidate.name).downloadToBuffer()).toString('utf8'));
    } catch (error) {
      if (error instanceof SyntaxError || isNotFound(error)) continue;
      throw error;
    }
    const parsed = SnapshotManifest.safeParse(json);
    if (!parsed.success || !parsed.data.verified || parsed.data.collection !== candidate.collection) continue;
    if (sourceRegion !== undefined && parsed.data.sourceRegion !== sourceRegion) continue;
    if (`${parsed.data.blobName}${MANIFEST_SUFFIX}` !== candidate.name) continue;
    const properties = await container
      .getBlobClient(parsed.data.blobName)
      .getProperties()
      .catch((error: unknown) => {
        // A blob removed under its manifest (retention, hand cleanup) is skipped; Blob being down is not.
        if (isNotFound(error)) return null;
        throw error;
      });
    if (properties?.contentLength === parsed.data.size) newest.set(candidate.collection, parsed.data);
  }
  return newest;
}
