import type { AppContext } from './app-context';

export type HealthReport = {
  status: 'ok' | 'degraded' | 'unavailable';
  region: string;
  qdrant: { ok: boolean; collection: string; points: number | null; error?: string };
  redis: { ok: boolean; error?: string };
  degraded?: true;
};

const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Qdrant is required (down = unavailable, 503); Redis is a cache, so without it the app is degraded but serves. */
export async function checkHealth(ctx: AppContext, redisError: () => string | null): Promise<HealthReport> {
  const [qdrant, redis] = await Promise.all([
    within(
      (async () => {
        const { exists } = await ctx.qdrant.collectionExists(ctx.collection);
        const points = exists ? ((await ctx.qdrant.getCollection(ctx.collection)).points_count ?? 0) : 0;
        return { ok: true, collection: ctx.collection, points };
      })(),
      'qdrant',
    ).catch((error: unknown) => ({ ok: false, collection: ctx.collection, points: null, error: message(error) })),
    within(ctx.redis.ping(), 'redis')
      .then(() => ({ ok: true }))
      .catch((error: unknown) => ({ ok: false, error: redisError() ?? message(error) })),
  ]);
  if (!qdrant.ok) return { status: 'unavailable', region: ctx.region, qdrant, redis };
  if (!redis.ok) return { status: 'degraded', region: ctx.region, qdrant, redis, degraded: true };
  return { status: 'ok', region: ctx.region, qdrant, redis };
}
