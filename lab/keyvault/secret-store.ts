import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { seedDigest, seedVault, type SecretVersion, type VaultContents } from './seed-vault';

const Persisted = z.object({
  seedDigest: z.string(),
  contents: z.record(
    z.string(),
    z.array(
      z.object({
        version: z.string(),
        value: z.string(),
        contentType: z.string().optional(),
        tags: z.record(z.string(), z.string()).optional(),
        enabled: z.boolean(),
        created: z.number(),
        updated: z.number(),
        nbf: z.number().optional(),
        exp: z.number().optional(),
      }),
    ),
  ),
});

export type NewSecretVersion = Pick<SecretVersion, 'value' | 'contentType' | 'tags' | 'nbf' | 'exp'> & { enabled?: boolean };

export type SecretStore = {
  names(): string[];
  versions(name: string): SecretVersion[] | undefined;
  set(name: string, secret: NewSecretVersion): Promise<SecretVersion>;
  /** Removes one secret and adds a newer version of another, so this vault no longer matches its seed. */
  drift(): void;
  /** Back to the seed: drift and any written versions are gone. */
  heal(): void;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A vault's secrets, kept in `file` (JSON, replaced atomically on each change) and seeded from `secrets`. */
export async function openSecretStore(file: string, secrets: Readonly<Record<string, string>>): Promise<SecretStore> {
  const digest = seedDigest(secrets);
  let contents: VaultContents = seedVault(secrets);
  const saved = Persisted.safeParse(await readFile(file, 'utf8').then(JSON.parse, () => undefined));
  if (saved.success && saved.data.seedDigest === digest) contents = saved.data.contents;

  const write = async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ seedDigest: digest, contents }, null, 2), { mode: 0o600 });
    await rename(temporary, file);
  };
  // Changes apply in memory at once; writes run one after another so the file ends as the last change.
  let writing: Promise<void> = Promise.resolve();
  const persist = () => {
    const written = writing.then(write);
    writing = written.catch(() => undefined);
    return written;
  };
  const persistInBackground = () => void persist().catch((error: unknown) => console.error(`lab key vault: could not save ${file}:`, error));
  const addVersion = (name: string, secret: NewSecretVersion): SecretVersion => {
    const created = nowSeconds();
    const version: SecretVersion = { ...secret, enabled: secret.enabled ?? true, version: randomBytes(16).toString('hex'), created, updated: created };
    contents[name] = [...(contents[name] ?? []), version];
    return version;
  };
  await persist();

  return {
    names: () => Object.keys(contents).sort(),
    versions: (name) => contents[name],
    set: async (name, secret) => {
      const version = addVersion(name, secret);
      await persist();
      return version;
    },
    drift: () => {
      const names = Object.keys(contents).sort();
      const rotated = names[0];
      const removed = names.length > 1 ? names[names.length - 1] : undefined;
      if (removed) delete contents[removed];
      const newest = rotated ? contents[rotated]?.at(-1) : undefined;
      if (rotated && newest) addVersion(rotated, { value: `${newest.value}-rotated`, contentType: newest.contentType, tags: newest.tags });
      persistInBackground();
    },
    heal: () => {
      contents = seedVault(secrets);
      persistInBackground();
    },
    flush: () => writing,
  };
}
