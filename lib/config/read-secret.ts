import { ConfigError } from './config-error';
import type { Environment } from './environment';

/**
 * The value of a secret the configuration names, read from the environment when it is needed, so
 * secrets never sit in the config object (which pages may serialise). Pass a `*Env` field:
 * `readSecret(config.components.qdrant.primary.apiKeyEnv)`; no name (no secret configured) gives undefined.
 */
export function readSecret(envName: string | undefined, env: Environment = process.env): string | undefined {
  if (envName === undefined) return undefined;
  const value = env[envName];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError('the environment', [{ path: envName, message: `environment variable ${value === undefined ? 'is not set' : 'is empty'}` }], 'missing secret');
  }
  return value;
}
