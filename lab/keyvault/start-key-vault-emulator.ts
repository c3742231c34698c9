import path from 'node:path';
import { startLabHttpServer } from '../shared/lab-http-server';
import { handleKeyVaultRequest } from './handle-key-vault-request';
import { DEFAULT_LAB_SECRETS } from './seed-vault';
import { openSecretStore } from './secret-store';

export type KeyVaultEmulator = {
  name: string;
  /** https://localhost:<port>, the vault URL SecretClient takes. */
  url: string;
  stop(): Promise<void>;
  setDown(down: boolean): Promise<void>;
  isDown(): boolean;
  setLatency(ms: number): void;
  /** This vault stops matching its seed: one secret is removed and another gets a newer version. */
  drift(): void;
  /** Back to the seed (the state every vault with the same secrets starts in). */
  heal(): void;
};

export type StartKeyVaultEmulatorOptions = {
  port: number;
  tls: { certPath: string; keyPath: string };
  name: string;
  /** Contents persist in <stateDir>/<name>.json while the seed stays the same. */
  stateDir: string;
  /** Secret name → newest value; the lab's default names and values when absent. */
  secrets?: Record<string, string>;
  /** Named in the 401 challenge's authorization URI (the SDK passes it to the credential). */
  tenantId?: string;
};

/**
 * An Azure Key Vault (secrets) over https with the lab certificate. The real SecretClient works
 * against it with `disableChallengeResourceVerification: true` (the challenge names
 * vault.azure.net, which `localhost` is not a subdomain of).
 */
export async function startKeyVaultEmulator(options: StartKeyVaultEmulatorOptions): Promise<KeyVaultEmulator> {
  const store = await openSecretStore(path.join(options.stateDir, `${options.name}.json`), options.secrets ?? DEFAULT_LAB_SECRETS);
  const tenantId = options.tenantId ?? '00000000-0000-0000-0000-000000000000';
  let vaultUrl = '';
  const server = await startLabHttpServer({
    port: options.port,
    tls: options.tls,
    urlHost: 'localhost',
    handler: (req, res) => handleKeyVaultRequest(req, res, { vaultUrl, tenantId, store }),
  });
  vaultUrl = server.url;
  return {
    name: options.name,
    url: server.url,
    stop: async () => {
      await server.stop();
      await store.flush();
    },
    setDown: (down) => server.setDown(down),
    isDown: () => server.isDown(),
    setLatency: (ms) => server.setLatency(ms),
    drift: () => store.drift(),
    heal: () => store.heal(),
  };
}
