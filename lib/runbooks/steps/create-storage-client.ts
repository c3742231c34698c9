import { StorageManagementClient } from '@azure/arm-storage';
import { azureClientOptions } from '@/lib/adapters/azure/azure-client-options';
import { labAwareCredential } from '@/lib/adapters/azure/lab-aware-credential';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { StepOptions } from './step-options';

/** Microsoft.Storage on the configured ARM endpoint and subscription (Front Door's); SDK retries off, as for the other ARM clients. */
export function createStorageClient(config: LifeboatConfig, options: StepOptions): StorageManagementClient {
  const fd = config.components.frontDoor;
  return new StorageManagementClient(labAwareCredential(config.azure), fd.subscriptionId, { endpoint: fd.armEndpoint, ...azureClientOptions(options.caPem), ...options.clientOptions });
}
