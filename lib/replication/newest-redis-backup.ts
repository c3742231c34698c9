import type { ContainerClient } from '@azure/storage-blob';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import type { LifeboatConfig } from '@/lib/config/schema';
import { MANIFEST_SUFFIX, RedisBackupManifest } from './redis-backup-manifest';

export type NewestRedisBackup = { container: ContainerClient; prefix: string; newest: { blobName: string; manifest: RedisBackupManifest } | null };

/** The newest backup of the primary (or `source`) whose manifest exists and parses; names sort by time (`<ISO timestamp>.rdb`). */
export async function newestRedisBackup(config: LifeboatConfig, source: 'primary' | 'secondary' = 'primary'): Promise<NewestRedisBackup> {
  const blob = config.components.blob;
  const container = blobServiceClient(blob.primaryUrl, blob, config.azure).getContainerClient(blob.containers.redisBackups);
  const prefix = `redis/${config.regions[source].name}/`;
  const names: string[] = [];
  for await (const item of container.listBlobsFlat({ prefix })) if (item.name.endsWith(`.rdb${MANIFEST_SUFFIX}`)) names.push(item.name);
  names.sort().reverse();
  for (const name of names) {
    const body = await container.getBlockBlobClient(name).downloadToBuffer();
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      continue;
    }
    const parsed = RedisBackupManifest.safeParse(json);
    if (parsed.success) return { container, prefix, newest: { blobName: name.slice(0, -MANIFEST_SUFFIX.length), manifest: parsed.data } };
  }
  return { container, prefix, newest: null };
}
