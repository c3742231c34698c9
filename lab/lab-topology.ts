import type { LifeboatConfig } from '@/lib/config/schema';

export type RegionKey = 'primary' | 'secondary';

/** Where each lab service listens, derived from the configuration so the lab and Lifeboat agree. */
export type LabTopology = {
  regions: Record<RegionKey, string>;
  collection: string;
  qdrant: Record<RegionKey, number>;
  redis: Record<RegionKey, number>;
  app: Record<RegionKey, number>;
  keyVault: Record<RegionKey, number>;
  openai: Record<RegionKey, number>;
  blob: number;
  arm: number;
  frontDoor: number;
  oidc: number;
  control: number;
  inbox: number;
};

function portOf(url: string): number {
  const parsed = new URL(url);
  if (parsed.port) return Number(parsed.port);
  return parsed.protocol === 'https:' ? 443 : 80;
}

export function readLabTopology(
  config: LifeboatConfig,
  controlPort = Number(process.env.LIFEBOAT_LAB_CONTROL_PORT ?? 8090),
  inboxPort = Number(process.env.LIFEBOAT_LAB_INBOX_PORT ?? 8099),
): LabTopology {
  const c = config.components;
  const both = (pick: (region: RegionKey) => string) => ({ primary: portOf(pick('primary')), secondary: portOf(pick('secondary')) });
  return {
    regions: { primary: config.regions.primary.name, secondary: config.regions.secondary.name },
    collection: c.qdrant.primary.collections[0] ?? 'documents',
    qdrant: both((r) => c.qdrant[r].url),
    redis: both((r) => c.redis[r].url),
    app: { primary: c.frontDoor.origins.primary.httpPort ?? 80, secondary: c.frontDoor.origins.secondary.httpPort ?? 80 },
    keyVault: both((r) => c.keyVault[r].url),
    openai: both((r) => c.openai[r].endpoint),
    blob: portOf(c.blob.primaryUrl),
    arm: portOf(c.frontDoor.armEndpoint),
    frontDoor: portOf(c.frontDoor.publicUrl),
    oidc: portOf(config.auth.authority),
    control: controlPort,
    inbox: inboxPort,
  };
}
