import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time string comparison (hashes first, so lengths may differ). */
export function equalSecrets(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
