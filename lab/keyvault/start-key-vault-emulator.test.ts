import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { SecretClient } from '@azure/keyvault-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectErrorCode } from '../shared/testing/connect-error-code';
import { ensureLabCertificate, type LabCertificate } from '../tls/ensure-lab-certificate';
import { DEFAULT_LAB_SECRETS } from './seed-vault';
import { startKeyVaultEmulator, type KeyVaultEmulator } from './start-key-vault-emulator';

let stateDir: string;
let tls: LabCertificate;
let ca: string;
const vaults: KeyVaultEmulator[] = [];
const requestedScopes: string[] = [];

/** The lab's static credential: any token will do for the emulator; the scopes asked for are recorded. */
const credential: TokenCredential = {
  getToken: async (scopes): Promise<AccessToken> => {
    requestedScopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: 'lab-static-token', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

/**
 * SecretClient as Lifeboat uses it in the lab: the lab CA trusted through the pipeline's `agent`
 * option (NODE_EXTRA_CA_CERTS is read only at process start), and challenge resource verification
 * off, since the challenge names vault.azure.net and the lab vault is localhost.
 */
const clientFor = (vault: KeyVaultEmulator, verifyResource = false) =>
  new SecretClient(vault.url, credential, { agent: new https.Agent({ ca }), disableChallengeResourceVerification: !verifyResource, retryOptions: { maxRetries: 0 } });

/** Secret name → version ids, oldest first, as Lifeboat would compare two vaults. */
async function inventory(client: SecretClient): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for await (const secret of client.listPropertiesOfSecrets()) {
    const versions: string[] = [];
    for await (const version of client.listPropertiesOfSecretVersions(secret.name)) versions.push(version.version ?? '');
    result[secret.name] = versions;
  }
  return result;
}

function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers, agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
      .once('error', reject);
  });
}

async function startVault(name: string, secrets?: Record<string, string>): Promise<KeyVaultEmulator> {
  const vault = await startKeyVaultEmulator({ port: 0, tls, name, stateDir, secrets });
  vaults.push(vault);
  return vault;
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-keyvault-'));
  tls = await ensureLabCertificate(path.join(stateDir, 'tls'));
  ca = await readFile(tls.certPath, 'utf8');
});

afterAll(async () => {
  for (const vault of vaults) await vault.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe('startKeyVaultEmulator', () => {
  it('answers an unauthenticated request with the Key Vault bearer challenge', async () => {
    const vault = await startVault('kv-challenge');
    const response = await rawGet(`${vault.url}/secrets?api-version=2026-04-01`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net"');
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'Unauthorized' } });
    const authorized = await rawGet(`${vault.url}/secrets?api-version=2026-04-01`, { authorization: 'Bearer anything' });
    expect(authorized.status).toBe(200);
  });

  it('lets the real SecretClient list the same names and versions in both vaults', async () => {
    const [primary, secondary] = [await startVault('kv-primary'), await startVault('kv-secondary')];
    const [left, right] = [await inventory(clientFor(primary)), await inventory(clientFor(secondary))];
    expect(Object.keys(left)).toEqual(Object.keys(DEFAULT_LAB_SECRETS).sort());
    expect(right).toEqual(left);
    expect(Object.values(left).some((versions) => versions.length > 1)).toBe(true);
    for (const versions of Object.values(left)) for (const version of versions) expect(version).toMatch(/^[0-9a-f]{32}$/);
    expect(requestedScopes).toContain('https://vault.azure.net/.default');

    const newest = await clientFor(secondary).getSecret('qdrant-api-key');
    expect(newest.value).toBe(DEFAULT_LAB_SECRETS['qdrant-api-key']);
    expect(newest.properties.version).toBe(left['qdrant-api-key']?.at(-1));
    await expect(clientFor(primary).getSecret('no-such-secret')).rejects.toMatchObject({ statusCode: 404, code: 'SecretNotFound' });
  });

  it('is refused by the SDK when challenge resource verification stays on (why the lab turns it off)', async () => {
    const vault = await startVault('kv-verify');
    await expect(clientFor(vault, true).getSecret('redis-password')).rejects.toThrow(/does not match the requested domain/);
  });

  it('drifts (a secret missing, a newer version) and heals back to matching', async () => {
    const [primary, secondary] = [await startVault('kv-drift-primary'), await startVault('kv-drift-secondary')];
    const before = await inventory(clientFor(secondary));
    secondary.drift();
    const drifted = await inventory(clientFor(secondary));
    const reference = await inventory(clientFor(primary));
    const missing = Object.keys(reference).filter((name) => !(name in drifted));
    const newer = Object.keys(drifted).filter((name) => (drifted[name]?.length ?? 0) > (reference[name]?.length ?? 0));
    expect(missing).toHaveLength(1);
    expect(newer).toHaveLength(1);
    expect(drifted[newer[0] ?? '']?.slice(0, -1)).toEqual(reference[newer[0] ?? '']);
    secondary.heal();
    expect(await inventory(clientFor(secondary))).toEqual(before);
    expect(await inventory(clientFor(secondary))).toEqual(reference);
  });

  it('writes a new version with setSecret, pages with maxresults, and keeps it across a restart', async () => {
    const secrets = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`app-secret-${index}`, `value-${index}`]));
    const vault = await startVault('kv-write', secrets);
    const written = await clientFor(vault).setSecret('app-secret-3', 'rotated value', { contentType: 'text/plain' });
    expect(written.properties.version).toMatch(/^[0-9a-f]{32}$/);

    const pages: string[][] = [];
    for await (const page of clientFor(vault).listPropertiesOfSecrets().byPage({ maxPageSize: 2 })) pages.push(page.map((secret) => secret.name));
    expect(pages).toEqual([['app-secret-0', 'app-secret-1'], ['app-secret-2', 'app-secret-3'], ['app-secret-4']]);

    await vault.stop();
    const restarted = await startVault('kv-write', secrets);
    const read = await clientFor(restarted).getSecret('app-secret-3');
    expect(read.value).toBe('rotated value');
    expect(read.properties.contentType).toBe('text/plain');
    expect(read.properties.version).toBe(written.properties.version);
  });

  it('refuses connections while down', async () => {
    const vault = await startVault('kv-down');
    await vault.setDown(true);
    expect(await connectErrorCode(vault.url)).toBe('ECONNREFUSED');
    await expect(clientFor(vault).getSecret('redis-password')).rejects.toThrow();
    await vault.setDown(false);
    expect((await clientFor(vault).getSecret('redis-password')).value).toBe(DEFAULT_LAB_SECRETS['redis-password']);
  });
});
