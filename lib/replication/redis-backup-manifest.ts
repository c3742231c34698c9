import { z } from 'zod';

/** What a Redis backup's `<name>.rdb.manifest.json` says; written only after the RDB blob is complete. */
export const RedisBackupManifest = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  keys: z.number().int().nonnegative(),
  sourceRegion: z.string(),
  takenAt: z.iso.datetime(),
  verified: z.literal(true),
});
export type RedisBackupManifest = z.infer<typeof RedisBackupManifest>;

export const MANIFEST_SUFFIX = '.manifest.json';
