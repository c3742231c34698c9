import { QdrantClient } from '@qdrant/js-client-rest';
import { Redis } from 'ioredis';
import { seedDocuments } from '../protected-app/seed-documents';
import type { Lab } from './start-lab';

export const SEED_DOCUMENTS = 3000;
export const SEED_REDIS_KEYS = 500;

/** Gives the primary region something to protect: documents in Qdrant (through the app) and cache keys in Redis. Idempotent. */
export async function seedLab(lab: Lab, collection: string, log: (line: string) => void): Promise<{ points: number; redisKeys: number }> {
  const qdrant = new QdrantClient({ url: lab.qdrant.primary.url, checkCompatibility: false });
  const exists = (await qdrant.collectionExists(collection)).exists;
  const before = exists ? (await qdrant.count(collection, { exact: true })).count : 0;
  if (before < SEED_DOCUMENTS) {
    log(`seeding ${SEED_DOCUMENTS} documents into ${collection} (primary)…`);
    await seedDocuments(lab.apps.primary, SEED_DOCUMENTS);
  }
  const points = (await qdrant.count(collection, { exact: true })).count;
  const redis = new Redis(lab.redis.primary.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    const pipeline = redis.pipeline();
    for (let i = 0; i < SEED_REDIS_KEYS; i++) pipeline.set(`seed:session:${i}`, JSON.stringify({ user: `user-${i % 50}`, turns: i % 7 }), 'NX');
    await pipeline.exec();
    return { points, redisKeys: await redis.dbsize() };
  } finally {
    redis.disconnect();
  }
}
