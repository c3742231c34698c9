import { SecretClient } from '@azure/keyvault-secrets';
import { azureClientOptions } from '@/lib/adapters/azure/azure-client-options';
import { labAwareCredential } from '@/lib/adapters/azure/lab-aware-credential';
import type { LifeboatConfig } from '@/lib/config/schema';

/** A Key Vault client for one vault; SDK retries off so the engine records each attempt. */
export function createSecretClient(config: LifeboatConfig, vaultUrl: string, caPem?: string): SecretClient {
  return new SecretClient(vaultUrl, labAwareCredential(config.azure), {
    ...azureClientOptions(caPem),
    // The lab's vaults live on localhost, which the SDK's challenge check (vault.azure.net) refuses.
    disableChallengeResourceVerification: config.azure.staticTokenForLab,
  });
}
