import { createHash } from 'node:crypto';

export type SecretVersion = {
  version: string;
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled: boolean;
  /** Unix seconds, as Key Vault's wire format. */
  created: number;
  updated: number;
  nbf?: number;
  exp?: number;
};

/** Secret name → its versions, oldest first. */
export type VaultContents = Record<string, SecretVersion[]>;

/** The secrets the lab's vaults hold when Lifeboat's lab starts them with no values of its own. */
export const DEFAULT_LAB_SECRETS: Readonly<Record<string, string>> = {
  'qdrant-api-key': 'lab-qdrant-api-key',
  'redis-password': 'lab-redis-password',
  'openai-api-key': 'lab-openai-api-key',
  'storage-account-key': 'lab-storage-account-key',
  'oidc-client-secret': 'lab-oidc-client-secret',
};

const SEED_EPOCH = Date.parse('2026-01-01T00:00:00Z') / 1000;
const WEEK = 7 * 24 * 3600;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Key Vault version ids are 32 lowercase hex characters; seeded ones are derived, so both vaults agree. */
export const seededVersionId = (name: string, index: number) => sha256(`${name}/${index}`).slice(0, 32);

/** Identifies a seed: a persisted vault made from another seed is discarded and re-seeded. */
export const seedDigest = (secrets: Readonly<Record<string, string>>) => sha256(JSON.stringify(Object.entries(secrets).sort()));

/**
 * The same contents for every vault given the same secrets: each secret gets 1–3 versions (a
 * fixed history, older values suffixed), the newest holding the given value, at fixed dates.
 */
export function seedVault(secrets: Readonly<Record<string, string>>): VaultContents {
  const contents: VaultContents = {};
  Object.keys(secrets)
    .sort()
    .forEach((name, secretIndex) => {
      const count = 1 + (parseInt(sha256(name).slice(0, 8), 16) % 3);
      contents[name] = Array.from({ length: count }, (_, index) => {
        const created = SEED_EPOCH + (secretIndex * 3 + index) * WEEK;
        const newest = index === count - 1;
        return { version: seededVersionId(name, index), value: newest ? (secrets[name] ?? '') : `${secrets[name] ?? ''}.v${index + 1}`, enabled: true, created, updated: created };
      });
    });
  return contents;
}
