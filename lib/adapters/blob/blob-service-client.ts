import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readSecret } from '@/lib/config/read-secret';
import { labAwareCredential } from '../azure/lab-aware-credential';
import { AZURITE_ACCOUNT_KEY, AZURITE_ACCOUNT_NAME } from './azurite-development-key';

type BlobSettings = LifeboatConfig['components']['blob'];

/**
 * A client for one of the account's endpoints (primary or `-secondary`): Shared Key from
 * accountKeyEnv, Azurite's published key for its development account, else Entra.
 */
export function blobServiceClient(url: string, blob: BlobSettings, azure: LifeboatConfig['azure']): BlobServiceClient {
  const options = { retryOptions: { maxTries: 1 } };
  const key = readSecret(blob.accountKeyEnv) ?? (blob.accountName === AZURITE_ACCOUNT_NAME ? AZURITE_ACCOUNT_KEY : undefined);
  if (key !== undefined) return new BlobServiceClient(url, new StorageSharedKeyCredential(blob.accountName, key), options);
  return new BlobServiceClient(url, labAwareCredential(azure), options);
}
