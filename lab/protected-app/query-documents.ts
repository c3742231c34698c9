import { z } from 'zod';
import type { AppContext } from './app-context';
import { generationKey, queryKey } from './cache-keys';
import { embedText } from '../shared/embed-text';

export type QueryHit = { id: string | number; score: number; text: string };
export type QueryResult = { region: string; cache: 'hit' | 'miss'; results: QueryHit[]; degraded?: true };

const CACHE_TTL_SECONDS = 300;
const Payload = z.object({ doc_id: z.union([z.string(), z.number()]), text: z.string() });
const CachedHits = z.array(z.object({ id: z.union([z.string(), z.number()]), score: z.number(), text: z.string() }));

/** Nearest documents by cosine similarity, served from the Redis cache when this exact query was answered before. */
export async function queryDocuments(ctx: AppContext, text: string, limit: number): Promise<QueryResult> {
  let key: string | null = null;
  let degraded = false;
  try {
    const generation = (await ctx.redis.get(generationKey(ctx.collection))) ?? '0';
    key = queryKey(ctx.collection, generation, text, limit);
    const cached = await ctx.redis.get(key);
    const parsed = cached === null ? null : CachedHits.safeParse(JSON.parse(cached));
    if (parsed?.success) return { region: ctx.region, cache: 'hit', results: parsed.data };
  } catch {
    degraded = true;
  }

  const answer = await ctx.qdrant.query(ctx.collection, { query: embedText(text, ctx.vectorSize), limit, with_payload: true });
  const results = answer.points.flatMap((point) => {
    const payload = Payload.safeParse(point.payload);
    return payload.success ? [{ id: payload.data.doc_id, score: point.score, text: payload.data.text }] : [];
  });
  if (key && !degraded) {
    await ctx.redis.set(key, JSON.stringify(results), 'EX', CACHE_TTL_SECONDS).catch(() => {
      degraded = true;
    });
  }
  return { region: ctx.region, cache: 'miss', results, ...(degraded ? { degraded: true as const } : {}) };
}
