import type { KeyVaultMetrics } from './probe-results';

export type KeyVaultDrift = { missingInSecondary: string[]; missingInPrimary: string[]; versionDiffers: string[]; count: number };

/** How the two vaults differ: a secret the secondary lacks breaks the app after failover. */
export function keyVaultDrift(primary: KeyVaultMetrics, secondary: KeyVaultMetrics): KeyVaultDrift {
  const inSecondary = new Map(secondary.secrets.map((secret) => [secret.name, secret.version]));
  const inPrimary = new Set(primary.secrets.map((secret) => secret.name));
  const missingInSecondary = primary.secrets.filter((secret) => !inSecondary.has(secret.name)).map((secret) => secret.name);
  const missingInPrimary = secondary.secrets.filter((secret) => !inPrimary.has(secret.name)).map((secret) => secret.name);
  const versionDiffers = primary.secrets.filter((secret) => inSecondary.has(secret.name) && inSecondary.get(secret.name) !== secret.version).map((secret) => secret.name);
  return { missingInSecondary, missingInPrimary, versionDiffers, count: missingInSecondary.length + missingInPrimary.length + versionDiffers.length };
}
