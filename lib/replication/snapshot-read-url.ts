import { BlobSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import { blobServiceClient } from '@/lib/adapters/blob/blob-service-client';
import type { LifeboatConfig } from '@/lib/config/schema';

/** Starts a little in the past: the reader's clock may be behind the signer's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A read-only SAS URL for one snapshot blob, valid `minutes`: the secondary Qdrant downloads from
 * Blob itself. Shared Key signs a service SAS; with Entra (Azure) it is a user delegation SAS,
 * which Azurite cannot issue, so that branch is not exercised by the lab tests.
 */
export async function snapshotReadUrl(config: LifeboatConfig, blobName: string, minutes = 15, now = new Date()): Promise<{ url: string; expiresOn: Date }> {
  const settings = config.components.blob;
  const service = blobServiceClient(settings.primaryUrl, settings, config.azure);
  const blob = service.getContainerClient(settings.containers.qdrantSnapshots).getBlobClient(blobName);
  const startsOn = new Date(now.getTime() - CLOCK_SKEW_MS);
  const expiresOn = new Date(now.getTime() + minutes * 60_000);
  const permissions = BlobSASPermissions.parse('r');
  if (blob.credential instanceof StorageSharedKeyCredential) return { url: await blob.generateSasUrl({ permissions, startsOn, expiresOn }), expiresOn };
  const key = await service.getUserDelegationKey(startsOn, expiresOn);
  const sas = generateBlobSASQueryParameters({ containerName: blob.containerName, blobName, permissions, startsOn, expiresOn }, key, settings.accountName);
  return { url: `${blob.url}?${sas.toString()}`, expiresOn };
}
