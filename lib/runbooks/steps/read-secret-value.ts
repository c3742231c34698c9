import type { SecretClient } from '@azure/keyvault-secrets';

/** The secret's current value, or null when the vault has no such secret (the SDK's RestError 404). */
export async function readSecretValue(client: SecretClient, name: string, signal: AbortSignal): Promise<string | null> {
  try {
    return (await client.getSecret(name, { abortSignal: signal })).value ?? null;
  } catch (error) {
    if ((error as { statusCode?: unknown } | null)?.statusCode === 404) return null;
    throw error;
  }
}
