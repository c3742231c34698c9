import { QdrantClient } from '@qdrant/js-client-rest';
import { readSecret } from '@/lib/config/read-secret';
import type { LifeboatConfig } from '@/lib/config/schema';

export type QdrantNode = { client: QdrantClient; url: string; apiKey: string | undefined };

/** The official client for one region's Qdrant; long timeout since snapshots and recovers take minutes. */
export function qdrantNode(config: LifeboatConfig, role: 'primary' | 'secondary', timeoutMs = 30 * 60_000): QdrantNode {
  const settings = config.components.qdrant[role];
  const url = settings.url.replace(/\/+$/, '');
  const apiKey = readSecret(settings.apiKeyEnv);
  return { client: new QdrantClient({ url, apiKey, checkCompatibility: false, timeout: timeoutMs }), url, apiKey };
}
