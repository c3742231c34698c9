import type { TokenCredential } from '@azure/core-auth';
import { SecretClient, type SecretProperties } from '@azure/keyvault-secrets';
import type { KeyVaultMetrics, ProbeRegion, ProbeResult } from '@/lib/domain/probe-results';
import { azureClientOptions } from '../azure/azure-client-options';
import type { ProbeContext } from '../probing/probe-context';
import { runTimedProbe } from '../probing/run-timed-probe';

export type KeyVaultProbeSettings = {
  region: ProbeRegion;
  url: string;
  credential: TokenCredential;
  /** The lab's vaults live on localhost, which the SDK's challenge check (vault.azure.net) refuses. */
  disableChallengeResourceVerification?: boolean;
};

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

/** The current version: the newest enabled one (Key Vault lists versions in no promised order). */
function currentVersion(versions: SecretProperties[]): string | null {
  const enabled = versions.filter((version) => version.enabled !== false && version.version);
  enabled.sort((a, b) => (a.createdOn?.getTime() ?? 0) - (b.createdOn?.getTime() ?? 0));
  return enabled.at(-1)?.version ?? null;
}

/** Secret names and their current versions, never their values, so the two vaults can be compared. */
export function probeKeyVault(settings: KeyVaultProbeSettings, context: ProbeContext = {}): Promise<ProbeResult<'keyvault'>> {
  return runTimedProbe({ component: 'keyvault', region: settings.region, target: '-' }, context, async (signal): Promise<KeyVaultMetrics> => {
    const client = new SecretClient(settings.url, settings.credential, {
      ...azureClientOptions(context.caPem),
      disableChallengeResourceVerification: settings.disableChallengeResourceVerification ?? false,
    });
    const names = (await collect(client.listPropertiesOfSecrets({ abortSignal: signal }))).map((secret) => secret.name);
    const secrets = await Promise.all(
      names.map(async (name) => ({ name, version: currentVersion(await collect(client.listPropertiesOfSecretVersions(name, { abortSignal: signal }))) })),
    );
    return {
      secrets: secrets
        .flatMap((secret) => (secret.version ? [{ name: secret.name, version: secret.version }] : []))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
