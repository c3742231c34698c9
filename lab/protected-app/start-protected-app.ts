import { randomBytes } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import { startLabHttpServer } from '../shared/lab-http-server';
import { connectRedis } from './connect-redis';
import { DEFAULT_VECTOR_SIZE } from '../shared/embed-text';
import { createRequestHandler } from './handle-request';

export type ProtectedAppOptions = {
  port: number;
  region: string;
  qdrantUrl: string;
  qdrantApiKey?: string;
  redisUrl: string;
  collection: string;
  vectorSize?: number;
  /** Signs the auth smoke test's tokens; apps sharing it accept each other's tokens. Defaults to one secret per lab process. */
  authSecret?: string;
  host?: string;
};

export type ProtectedApp = {
  name: string;
  url: string;
  port: number;
  region: string;
  setDown(down: boolean): Promise<void>;
  setLatency(ms: number): void;
  stop(): Promise<void>;
};

// One secret for every app in this process, so both regions accept a token, as they would Entra's.
const processSecret = randomBytes(32).toString('base64url');

/** Starts one region's protected RAG service on its region's Qdrant and Redis. */
export async function startProtectedApp(options: ProtectedAppOptions): Promise<ProtectedApp> {
  const cache = await connectRedis(options.redisUrl);
  const qdrant = new QdrantClient({ url: options.qdrantUrl, apiKey: options.qdrantApiKey, timeout: 30_000 });
  const ctx = {
    region: options.region,
    collection: options.collection,
    vectorSize: options.vectorSize ?? DEFAULT_VECTOR_SIZE,
    qdrant,
    redis: cache.redis,
    authSecret: new TextEncoder().encode(options.authSecret ?? processSecret),
  };
  const server = await startLabHttpServer({ port: options.port, host: options.host, handler: createRequestHandler(ctx, cache.lastError) }).catch((error: unknown) => {
    cache.redis.disconnect();
    throw error;
  });
  return {
    name: `app-${options.region}`,
    url: server.url,
    port: server.port,
    region: options.region,
    setDown: (down) => server.setDown(down),
    setLatency: (ms) => server.setLatency(ms),
    stop: async () => {
      await server.stop();
      cache.redis.disconnect();
    },
  };
}
