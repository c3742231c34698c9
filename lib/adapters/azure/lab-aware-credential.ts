import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { LifeboatConfig } from '@/lib/config/schema';

/** The token the lab's emulators accept; never valid against Azure. */
export const LAB_STATIC_TOKEN = 'lifeboat-lab-static-token';

const labCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: LAB_STATIC_TOKEN, expiresOnTimestamp: Date.now() + 60 * 60 * 1000 }),
};

/** Thrown for a non-lab configuration until Entra sign-in for the worker lands (@azure/identity). */
export class AzureCredentialsMissingError extends Error {
  constructor() {
    super('configure Azure credentials: only azure.staticTokenForLab (the lab) is supported so far; @azure/identity is not installed');
    this.name = 'AzureCredentialsMissingError';
  }
}

/**
 * The TokenCredential for ARM and Key Vault: a static token in the lab (the schema allows it only
 * for a loopback ARM endpoint). Anything else fails clearly, so probes report it instead of guessing.
 */
export function labAwareCredential(azure: LifeboatConfig['azure']): TokenCredential {
  if (azure.staticTokenForLab) return labCredential;
  throw new AzureCredentialsMissingError();
}
