import http from 'node:http';
import type { FrontDoorView } from '../arm/front-door-view';
import { startLabHttpServer } from '../shared/lab-http-server';
import { DEFAULT_LOAD_BALANCING, type LoadBalancingSettings } from './create-health-window';
import { forwardRequest } from './forward-request';
import { makeAzureRef } from './make-azure-ref';
import { createOriginPicker } from './pick-origin';
import { sendFrontDoorError } from './send-front-door-error';
import { watchOriginHealth, type OriginHealth } from './watch-origin-health';

export type FrontDoorProxyOptions = {
  port: number;
  frontDoor: FrontDoorView;
  host?: string;
  /** The origin group's load-balancing settings (the view does not carry them); Azure's defaults otherwise. */
  loadBalancing?: LoadBalancingSettings;
  /** Probe timeout; by default the probe interval, at most 10 s. */
  probeTimeoutMs?: number;
  /** Front Door's origin response timeout (profile `originResponseTimeoutSeconds`, 60 s by default). */
  originResponseTimeoutMs?: number;
};

export type FrontDoorProxy = {
  name: 'frontdoor';
  url: string;
  port: number;
  originGroup(): string;
  originHealth(): OriginHealth[];
  setDown(down: boolean): Promise<void>;
  setLatency(ms: number): void;
  stop(): Promise<void>;
};

/**
 * The Front Door data plane of the lab: forwards each request to the origin Front Door would pick
 * in the route's active origin group, from health probes it runs itself. Resolves once every origin
 * has had its first probe, so the lab starts with true health.
 */
export async function startFrontDoorProxy(options: FrontDoorProxyOptions): Promise<FrontDoorProxy> {
  const view = options.frontDoor;
  const watch = watchOriginHealth(options.loadBalancing ?? DEFAULT_LOAD_BALANCING, options.probeTimeoutMs);
  const pick = createOriginPicker();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const timeoutMs = options.originResponseTimeoutMs ?? 60_000;

  await watch.follow(view.activeOriginGroup());
  const unsubscribe = view.onChange(() => void watch.follow(view.activeOriginGroup()));

  const server = await startLabHttpServer({
    port: options.port,
    host: options.host,
    handler: (req, res) => {
      const azureRef = makeAzureRef();
      const group = view.activeOriginGroup();
      const origin = pick(group.origins, watch.isHealthy);
      if (!origin) {
        sendFrontDoorError(
          res,
          'NoHealthyOrigin',
          `Front Door (lab): no enabled, healthy origin in origin group ${group.name}`,
          { 'x-azure-ref': azureRef },
          { originGroup: group.name, origins: watch.report(group) },
        );
        return;
      }
      forwardRequest(req, res, { origin, azureRef, agent, timeoutMs });
    },
  }).catch((error: unknown) => {
    unsubscribe();
    watch.stop();
    agent.destroy();
    throw error;
  });

  return {
    name: 'frontdoor',
    url: server.url,
    port: server.port,
    originGroup: () => view.activeOriginGroup().name,
    originHealth: () => watch.report(view.activeOriginGroup()),
    setDown: (down) => server.setDown(down),
    setLatency: (ms) => server.setLatency(ms),
    stop: async () => {
      unsubscribe();
      watch.stop();
      agent.destroy();
      await server.stop();
    },
  };
}
