import { createHash } from 'node:crypto';

/** Bumped by every ingest, so cached answers from before it are never served again. */
export function generationKey(collection: string): string {
  return `protected-app:${collection}:generation`;
}

export function queryKey(collection: string, generation: string, text: string, limit: number): string {
  const hash = createHash('sha256').update(`${limit}\n${text}`).digest('hex');
  return `protected-app:${collection}:query:${generation}:${hash}`;
}
