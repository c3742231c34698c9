import type { ContainerClient } from '@azure/storage-blob';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { RetainedBlob } from './plan-retention';
import { RedisBackupManifest } from './redis-backup-manifest';
import { MANIFEST_SUFFIX, SNAPSHOT_PREFIX, SnapshotManifest } from './snapshot-manifest';
import { snapshotContainer } from './snapshot-container';

export type BackupBlob = RetainedBlob & { size: number; manifestName: string | null };

/** One retention scope: a collection's snapshots, or a region's Redis backups (each keeps its own newest). */
export type BackupSet = { kind: 'qdrant' | 'redis'; scope: string; container: ContainerClient; retentionDays: number; blobs: BackupBlob[] };

type Listed = { name: string; size: number; lastModified: Date };

async function listAll(container: ContainerClient, prefix: string): Promise<Listed[]> {
  if (!(await container.exists())) return [];
  const items: Listed[] = [];
  for await (const item of container.listBlobsFlat({ prefix })) items.push({ name: item.name, size: item.properties.contentLength ?? 0, lastModified: item.properties.lastModified });
  return items;
}

async function readJson(container: ContainerClient, name: string): Promise<unknown> {
  try {
    return JSON.parse((await container.getBlobClient(name).downloadToBuffer()).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

type ManifestFacts = { takenAt: Date; sourceRegion: string } | null;
type PairedBlob = BackupBlob & { sourceRegion: string | null };

/** Pairs each data blob with its manifest; a manifest left without its blob is listed too, so it can go. */
async function pairWithManifests(container: ContainerClient, items: Listed[], factsOf: (manifest: unknown) => ManifestFacts): Promise<PairedBlob[]> {
  const names = new Set(items.map((item) => item.name));
  const blobs: PairedBlob[] = [];
  for (const item of items) {
    if (item.name.endsWith(MANIFEST_SUFFIX)) {
      if (!names.has(item.name.slice(0, -MANIFEST_SUFFIX.length))) blobs.push({ name: item.name, takenAt: item.lastModified, verified: false, size: item.size, manifestName: null, sourceRegion: null });
      continue;
    }
    const manifestName = `${item.name}${MANIFEST_SUFFIX}`;
    const facts = names.has(manifestName) ? factsOf(await readJson(container, manifestName)) : null;
    blobs.push({ name: item.name, takenAt: facts?.takenAt ?? item.lastModified, verified: facts !== null, size: item.size, manifestName: names.has(manifestName) ? manifestName : null, sourceRegion: facts?.sourceRegion ?? null });
  }
  return blobs;
}

/** A failback's snapshots of the secondary sit beside the primary's: each source keeps its own newest. */
function bySource(blobs: PairedBlob[]): PairedBlob[][] {
  const sources = [...new Set(blobs.flatMap((blob) => (blob.sourceRegion === null ? [] : [blob.sourceRegion])))];
  if (sources.length <= 1) return [blobs];
  return sources.map((source, index) => blobs.filter((blob) => blob.sourceRegion === source || (index === 0 && blob.sourceRegion === null)));
}

/** Every Qdrant snapshot set (per collection) and Redis backup set (per region) in Blob, with what each manifest says. */
export async function listBackupSets(config: LifeboatConfig): Promise<BackupSet[]> {
  const sets: BackupSet[] = [];
  const days = config.schedules.retentionDays;
  const snapshots = snapshotContainer(config);
  const byCollection = new Map<string, Listed[]>();
  for (const item of await listAll(snapshots, SNAPSHOT_PREFIX)) {
    const collection = item.name.slice(SNAPSHOT_PREFIX.length).split('/')[0] ?? '';
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), item]);
  }
  for (const [collection, items] of byCollection) {
    const blobs = await pairWithManifests(snapshots, items, (json) => {
      const parsed = SnapshotManifest.safeParse(json);
      return parsed.success && parsed.data.verified && parsed.data.collection === collection ? { takenAt: new Date(parsed.data.snapshotCreatedAt), sourceRegion: parsed.data.sourceRegion } : null;
    });
    for (const group of bySource(blobs)) sets.push({ kind: 'qdrant', scope: collection, container: snapshots, retentionDays: days.qdrant, blobs: group });
  }

  const blob = config.components.blob;
  const backups = blobServiceClient(blob.primaryUrl, blob, config.azure).getContainerClient(blob.containers.redisBackups);
  const byRegion = new Map<string, Listed[]>();
  for (const item of await listAll(backups, 'redis/')) {
    const region = item.name.split('/')[1] ?? '';
    byRegion.set(region, [...(byRegion.get(region) ?? []), item]);
  }
  for (const [region, items] of byRegion) {
    const blobs = await pairWithManifests(backups, items, (json) => {
      const parsed = RedisBackupManifest.safeParse(json);
      return parsed.success ? { takenAt: new Date(parsed.data.takenAt), sourceRegion: parsed.data.sourceRegion } : null;
    });
    sets.push({ kind: 'redis', scope: region, container: backups, retentionDays: days.redis, blobs });
  }
  return sets;
}
