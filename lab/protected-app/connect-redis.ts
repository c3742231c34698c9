import { Redis } from 'ioredis';

export type CacheConnection = { redis: Redis; lastError(): string | null };

/**
 * A cache client that fails fast while Redis is away (no offline queue, 1 s per command) and keeps
 * reconnecting, so the app runs degraded without its cache as the DR plan allows.
 * Resolves when connected, or after `waitMs` with Redis still down.
 */
export async function connectRedis(url: string, waitMs = 2000): Promise<CacheConnection> {
  let lastError: string | null = null;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 1000,
    retryStrategy: () => 250,
  });
  redis.on('error', (error: Error) => {
    lastError = error.message;
  });
  redis.on('ready', () => {
    lastError = null;
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { redis, lastError: () => lastError };
}
