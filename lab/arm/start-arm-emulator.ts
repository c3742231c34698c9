import { getConfig } from '@/lib/config/get-config';
import { startLabHttpServer } from '../shared/lab-http-server';
import { createArmFaults } from './arm-faults';
import { buildInitialState, topologyFingerprint } from './build-initial-state';
import { createFrontDoorView } from './front-door/create-front-door-view';
import type { FrontDoorView } from './front-door-view';
import { createArmRequestHandler } from './handle-arm-request';
import { createArmRequestLog, type ArmRequestEntry } from './arm-request-log';
import { openArmStore } from './open-arm-store';

export type ArmEmulatorOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Where arm-state.json lives, so a restart keeps the emulated resources. */
  stateDir: string;
  tls: { certPath: string; keyPath: string };
  /** How long Front Door operations report InProgress (default 1500 ms). */
  lroDelayMs?: number;
  /** Time per AKS node added or removed (default 2000 ms). */
  nodeDelayMs?: number;
  /** The origin groups' health probe interval (default 5 s; Azure's plan uses 30 s). */
  probeIntervalSeconds?: number;
};

export type ArmEmulator = {
  name: 'arm';
  url: string;
  stop(): Promise<void>;
  setDown(down: boolean): Promise<void>;
  setLatency(ms: number): void;
  /** The next n requests fail with this status (429 with Retry-After, or 500), whatever they are. */
  failNextCalls(n: number, status: 429 | 500): void;
  /** Every request answered since start (or the last clear), oldest first: method, path, api-version, status, time. */
  requests(): ArmRequestEntry[];
  clearRequests(): void;
  frontDoor: FrontDoorView;
};

/**
 * Starts the Azure Resource Manager emulator over https: Front Door routes, origin groups and
 * origins (Microsoft.Cdn), AKS agent pools (Microsoft.ContainerService) and Cost Management
 * queries, for the topology in the Lifeboat configuration (getConfig()).
 */
export async function startArmEmulator(options: ArmEmulatorOptions): Promise<ArmEmulator> {
  const config = getConfig();
  const probeIntervalSeconds = options.probeIntervalSeconds ?? 5;
  if (!Number.isInteger(probeIntervalSeconds) || probeIntervalSeconds < 1 || probeIntervalSeconds > 255) {
    throw new Error(`probeIntervalSeconds must be a whole number from 1 to 255, as Front Door allows (got ${probeIntervalSeconds})`);
  }
  const store = await openArmStore({
    stateDir: options.stateDir,
    topology: topologyFingerprint(config, probeIntervalSeconds),
    initial: () => buildInitialState(config, probeIntervalSeconds),
  });
  const faults = createArmFaults();
  const log = createArmRequestLog();
  let baseUrl = '';
  const settings = { lroDelayMs: options.lroDelayMs ?? 1500, nodeDelayMs: options.nodeDelayMs ?? 2000, config };
  const server = await startLabHttpServer({
    port: options.port,
    tls: options.tls,
    urlHost: 'localhost',
    handler: createArmRequestHandler({ store, settings, faults, baseUrl: () => baseUrl, log }),
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  baseUrl = server.url;
  const fd = config.components.frontDoor;
  return {
    name: 'arm',
    url: server.url,
    stop: async () => {
      await server.stop();
      await store.close();
    },
    setDown: (down) => server.setDown(down),
    setLatency: (ms) => server.setLatency(ms),
    failNextCalls: (n, status) => faults.failNextCalls(n, status),
    requests: () => log.entries(),
    clearRequests: () => log.clear(),
    frontDoor: createFrontDoorView(store, { resourceGroup: fd.resourceGroup, profile: fd.profile, endpoint: fd.endpoint, route: fd.route }),
  };
}
