import type { BlobClient } from '@azure/storage-blob';

/** Metadata key naming the replication run that wrote a blob. */
export const WRITTEN_BY_RUN = 'lifeboatrun';

/**
 * Deletes the blob only if `runId` wrote it (its metadata says so, and it has not changed since it was
 * read), so cleaning up a failed run never removes a blob of the same name that another run stored.
 */
export async function deleteBlobWrittenBy(blob: BlobClient, runId: string): Promise<boolean> {
  if (!(await blob.exists())) return false;
  const properties = await blob.getProperties();
  if (properties.metadata?.[WRITTEN_BY_RUN] !== runId) return false;
  await blob.delete({ conditions: { ifMatch: properties.etag } });
  return true;
}
