import type { QdrantClient } from '@qdrant/js-client-rest';
import type { Redis } from 'ioredis';

/** What every protected-app verb works with: its region's Qdrant collection and Redis cache. */
export type AppContext = {
  region: string;
  collection: string;
  vectorSize: number;
  qdrant: QdrantClient;
  redis: Redis;
  authSecret: Uint8Array;
};
