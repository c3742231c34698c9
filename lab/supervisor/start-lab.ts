import path from 'node:path';
import { startArmEmulator, type ArmEmulator } from '../arm/start-arm-emulator';
import { startBlobService, type BlobService } from '../blob/start-blob-service';
import { startFrontDoorProxy, type FrontDoorProxy } from '../frontdoor/start-front-door-proxy';
import { startNotificationInbox } from '../inbox/start-notification-inbox';
import { startKeyVaultEmulator, type KeyVaultEmulator } from '../keyvault/start-key-vault-emulator';
import type { RegionKey, LabTopology } from '../lab-topology';
import { startOidcProvider } from '../oidc/start-oidc-provider';
import { startOpenAiEmulator } from '../openai/start-open-ai-emulator';
import { startProtectedApp, type ProtectedApp } from '../protected-app/start-protected-app';
import { startQdrantEmulator, type QdrantEmulator } from '../qdrant/start-qdrant-emulator';
import { startRedisPair, type RedisPair } from '../redis/start-redis-pair';
import { ensureLabCertificate } from '../tls/ensure-lab-certificate';
import type { LabEntry } from './lab-entry';

export type LabOptions = {
  stateDir: string;
  topology: LabTopology;
  oidc: { clientSecret: string; baseUrl: string };
  log?: (line: string) => void;
};

export type Lab = {
  regions: Record<RegionKey, string>;
  entries: LabEntry[];
  qdrant: Record<RegionKey, QdrantEmulator>;
  apps: Record<RegionKey, ProtectedApp>;
  redis: RedisPair;
  blob: BlobService;
  arm: ArmEmulator;
  keyVault: Record<RegionKey, KeyVaultEmulator>;
  frontDoor: FrontDoorProxy;
  tls: { certPath: string; keyPath: string };
  stop(): Promise<void>;
};

const REGIONS: RegionKey[] = ['primary', 'secondary'];

type Switchable = { setDown?(down: boolean): Promise<void>; setLatency?(ms: number): void };

/** A lab entry that remembers whether it was switched down. */
function entry(component: LabEntry['component'], region: RegionKey | null, name: string, url: string, service: Switchable): LabEntry {
  let down = false;
  return {
    component,
    region,
    name,
    url,
    isDown: () => down,
    setDown: async (value) => {
      if (!service.setDown) throw new Error(`${name} has no down switch`);
      await service.setDown(value);
      down = value;
    },
    setLatency: service.setLatency?.bind(service),
  };
}

/** Starts every lab service in dependency order; on a failure, stops what had started. */
export async function startLab(options: LabOptions): Promise<Lab> {
  const { stateDir, topology: t } = options;
  const log = options.log ?? (() => undefined);
  const entries: LabEntry[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const track = <T extends { stop(): Promise<void> }>(service: T): T => {
    stoppers.push(() => service.stop());
    return service;
  };
  const stop = async () => {
    for (const halt of stoppers.splice(0).reverse()) await halt().catch((error: unknown) => log(`stop failed: ${String(error)}`));
  };
  try {
    const tls = await ensureLabCertificate(path.join(stateDir, 'tls'));
    const oidc = track(
      await startOidcProvider({
        port: t.oidc,
        issuer: `https://localhost:${t.oidc}`,
        tls,
        client: { clientId: 'lifeboat', clientSecret: options.oidc.clientSecret, redirectUris: [`${options.oidc.baseUrl}/auth/callback`], postLogoutRedirectUris: [`${options.oidc.baseUrl}/auth/signed-out`] },
      }),
    );
    entries.push(entry('oidc', null, 'oidc', oidc.issuer, {}));
    log(`oidc ${oidc.issuer}`);

    // Where the lab's notification targets (config/lab.yaml) deliver: tests and drills read what arrived.
    const inbox = track(await startNotificationInbox({ port: t.inbox }));
    entries.push(entry('inbox', null, 'inbox', inbox.url, {}));

    const blob = track(await startBlobService({ port: t.blob, stateDir: path.join(stateDir, 'blob') }));
    entries.push(entry('blob', null, 'blob', blob.url, blob));
    const redis = track(await startRedisPair({ stateDir: path.join(stateDir, 'redis'), primaryPort: t.redis.primary, secondaryPort: t.redis.secondary }));
    const qdrant = {} as Record<RegionKey, QdrantEmulator>;
    const apps = {} as Record<RegionKey, ProtectedApp>;
    const keyVault = {} as Record<RegionKey, KeyVaultEmulator>;
    for (const region of REGIONS) {
      const node = redis[region];
      entries.push(entry('redis', region, `redis-${t.regions[region]}`, node.url, { setDown: (down) => node.setDown(down) }));
      const q = track(await startQdrantEmulator({ port: t.qdrant[region], dataDir: path.join(stateDir, `qdrant-${region}`), name: `qdrant-${t.regions[region]}` }));
      qdrant[region] = q;
      entries.push(entry('qdrant', region, q.name, q.url, q));
      const app = track(await startProtectedApp({ port: t.app[region], region: t.regions[region], qdrantUrl: q.url, redisUrl: node.url, collection: t.collection }));
      apps[region] = app;
      entries.push(entry('app', region, `app-${t.regions[region]}`, app.url, app));
      const kv = track(await startKeyVaultEmulator({ port: t.keyVault[region], tls, name: `kv-${t.regions[region]}`, stateDir: path.join(stateDir, `keyvault-${region}`) }));
      keyVault[region] = kv;
      entries.push(entry('keyvault', region, kv.name, kv.url, kv));
      const ai = track(await startOpenAiEmulator({ port: t.openai[region], region: t.regions[region] }));
      entries.push(entry('openai', region, ai.name, ai.url, ai));
    }
    const arm = track(await startArmEmulator({ port: t.arm, stateDir: path.join(stateDir, 'arm'), tls }));
    entries.push(entry('arm', null, 'arm', arm.url, arm));
    const frontDoor = track(await startFrontDoorProxy({ port: t.frontDoor, frontDoor: arm.frontDoor }));
    entries.push(entry('frontdoor', null, 'frontdoor', frontDoor.url, {}));
    return { regions: t.regions, entries, qdrant, apps, redis, blob, arm, keyVault, frontDoor, tls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
