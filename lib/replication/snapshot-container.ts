import type { ContainerClient } from '@azure/storage-blob';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import type { LifeboatConfig } from '@/lib/config/schema';

/** The primary endpoint's Qdrant snapshots container (writes never go to the read-only secondary). */
export function snapshotContainer(config: LifeboatConfig): ContainerClient {
  const blob = config.components.blob;
  return blobServiceClient(blob.primaryUrl, blob, config.azure).getContainerClient(blob.containers.qdrantSnapshots);
}
