import type { ContainerClient } from '@azure/storage-blob';

/** When the newest blob in the container was last written (ISO), or null for none or no container. */
export async function newestBlobAt(container: ContainerClient, signal: AbortSignal): Promise<string | null> {
  if (!(await container.exists({ abortSignal: signal }))) return null;
  let newest: Date | null = null;
  for await (const blob of container.listBlobsFlat({ abortSignal: signal })) {
    const modified = blob.properties.lastModified;
    if (newest === null || modified > newest) newest = modified;
  }
  return newest?.toISOString() ?? null;
}
