/** What the worker's probes measure, per component. The DB stores `metrics` as JSON in this shape. */
export const COMPONENTS = ['frontdoor', 'app', 'aks', 'qdrant', 'redis', 'blob', 'keyvault', 'openai'] as const;
export type Component = (typeof COMPONENTS)[number];

/** `global` is for what belongs to neither region alone (Front Door, Blob geo-replication). */
export type ProbeRegion = 'primary' | 'secondary' | 'global';

export type QdrantMetrics = {
  ready: boolean;
  collections: { name: string; points: number | null }[];
  /** Newest snapshot still on the node's disk, if any (the pipelines keep verified ones in Blob). */
  newestSnapshot: { name: string; createdAt: string } | null;
};
export type RedisMetrics = { pingMs: number; usedMemoryBytes: number; keys: number; newestBackupAt: string | null };
export type BlobMetrics = { geoStatus: 'live' | 'bootstrap' | 'unavailable'; lastSyncTime: string | null; lagSeconds: number | null };
export type FrontDoorMetrics = {
  route: string;
  activeOriginGroup: string;
  /** Which region's origin Front Door would send traffic to now, from ARM settings plus Lifeboat's own origin probes. */
  servingRegion: 'primary' | 'secondary' | null;
  origins: { name: string; originGroup: string; region: 'primary' | 'secondary' | null; priority: number; weight: number; enabled: boolean; healthy: boolean | null; healthLatencyMs: number | null }[];
};
export type AksMetrics = { nodeCount: number; powerState: string; provisioningState: string };
export type AppMetrics = { status: 'ok' | 'degraded' | 'unavailable'; httpStatus: number | null };
export type OpenAiMetrics = { deployments: number };
export type KeyVaultMetrics = { secrets: { name: string; version: string }[] };

export type ProbeMetrics = {
  qdrant: QdrantMetrics;
  redis: RedisMetrics;
  blob: BlobMetrics;
  frontdoor: FrontDoorMetrics;
  aks: AksMetrics;
  app: AppMetrics;
  openai: OpenAiMetrics;
  keyvault: KeyVaultMetrics;
};

/** One probe's result. A failed or timed-out probe has ok=false, an error and metrics=null. */
export type ProbeResult<C extends Component = Component> = {
  component: C;
  region: ProbeRegion;
  /** What inside the component was probed: a collection, a route, a pool; '-' when the component is the target. */
  target: string;
  at: Date;
  ok: boolean;
  latencyMs: number | null;
  error: string | null;
  metrics: ProbeMetrics[C] | null;
};
