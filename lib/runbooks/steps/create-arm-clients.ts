import { CdnManagementClient } from '@azure/arm-cdn';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { labAwareCredential } from '@/lib/adapters/azure/lab-aware-credential';
import { azureClientOptions } from '@/lib/adapters/azure/azure-client-options';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { StepOptions } from './step-options';

export type ArmClients = { cdn: CdnManagementClient; aks: ContainerServiceClient };

/**
 * Front Door and AKS clients on the configured ARM endpoint. The SDK's own retries are off
 * (maxRetries 0): the engine retries 429/5xx itself, so every attempt is recorded on the step.
 */
export function createArmClients(config: LifeboatConfig, options: StepOptions): ArmClients {
  const fd = config.components.frontDoor;
  const credential = labAwareCredential(config.azure);
  const clientOptions = { endpoint: fd.armEndpoint, ...azureClientOptions(options.caPem), ...options.clientOptions };
  return {
    cdn: new CdnManagementClient(credential, fd.subscriptionId, clientOptions),
    aks: new ContainerServiceClient(credential, fd.subscriptionId, clientOptions),
  };
}
