import type { TokenCredential } from '@azure/core-auth';
import { readSecret } from '@/lib/config/read-secret';
import type { LifeboatConfig, RegionRole } from '@/lib/config/schema';
import { labAwareCredential } from '../azure/lab-aware-credential';
import { labOpenAiKey } from './lab-open-ai-key';

/** A resource key; otherwise an Entra token from `credential`. */
export type OpenAiAuth = { apiKey: string } | { credential: TokenCredential };

/** A region's key from its apiKeyEnv; in the lab without one, the emulator's published key; otherwise Entra. */
export function openAiAuth(config: LifeboatConfig, role: RegionRole): OpenAiAuth {
  const apiKey = readSecret(config.components.openai[role].apiKeyEnv) ?? (config.azure.staticTokenForLab ? labOpenAiKey(config.regions[role].name) : undefined);
  return apiKey ? { apiKey } : { credential: labAwareCredential(config.azure) };
}
