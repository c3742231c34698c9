import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyVaultEmulator, type KeyVaultEmulator } from '@/lab/keyvault/start-key-vault-emulator';
import { ensureLabCertificate } from '@/lab/tls/ensure-lab-certificate';
import { labAwareCredential } from '../azure/lab-aware-credential';
import { probeKeyVault } from './probe-key-vault';

let dir: string;
let ca: string;
let primary: KeyVaultEmulator;
let secondary: KeyVaultEmulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-probe-kv-'));
  const tls = await ensureLabCertificate(path.join(dir, 'tls'));
  ca = await readFile(tls.certPath, 'utf8');
  const secrets = { 'redis-password': 'one', 'qdrant-api-key': 'two' };
  [primary, secondary] = await Promise.all([
    startKeyVaultEmulator({ port: 0, tls, name: 'kv-a', stateDir: dir, secrets }),
    startKeyVaultEmulator({ port: 0, tls, name: 'kv-b', stateDir: dir, secrets }),
  ]);
});
afterAll(async () => {
  await Promise.all([primary?.stop(), secondary?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const probe = (vault: KeyVaultEmulator, region: 'primary' | 'secondary', timeoutMs?: number) =>
  probeKeyVault({ region, url: vault.url, credential: labAwareCredential({ staticTokenForLab: true }), disableChallengeResourceVerification: true }, { caPem: ca, timeoutMs });

describe('probeKeyVault against the lab vaults (@azure/keyvault-secrets, challenge auth)', () => {
  it('lists secret names with their current versions; drift shows as a difference', async () => {
    const [a, b] = await Promise.all([probe(primary, 'primary'), probe(secondary, 'secondary')]);
    expect(a).toMatchObject({ component: 'keyvault', region: 'primary', ok: true });
    expect(a.metrics?.secrets.map((secret) => secret.name)).toEqual(['qdrant-api-key', 'redis-password']);
    expect(a.metrics?.secrets.every((secret) => /^[0-9a-f]{32}$/.test(secret.version))).toBe(true);
    expect(b.metrics).toEqual(a.metrics);

    secondary.drift();
    try {
      const drifted = await probe(secondary, 'secondary');
      expect(drifted.ok).toBe(true);
      expect(drifted.metrics).not.toEqual(a.metrics);
    } finally {
      secondary.heal();
    }
  });

  it('times out beyond the deadline and reports a refused connection when down', async () => {
    primary.setLatency(1_000);
    try {
      expect(await probe(primary, 'primary', 300)).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
    } finally {
      primary.setLatency(0);
    }
    await primary.setDown(true);
    try {
      const down = await probe(primary, 'primary');
      expect(down.error).toMatch(/ECONNREFUSED/);
    } finally {
      await primary.setDown(false);
    }
  });
});
