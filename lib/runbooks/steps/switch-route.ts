import type { LifeboatConfig } from '@/lib/config/schema';
import type { StepHandler } from '../step-handler';
import { createArmClients } from './create-arm-clients';
import { pointRoute, readRoute } from './point-route';
import { sameArmName } from './same-arm-name';
import { DEFAULT_POLL_MS, type StepOptions } from './step-options';
import { stringParam } from './step-params';

/**
 * `switch-route`: the failover's switch. The Front Door route's originGroup moves from
 * `fromOriginGroup` to `toOriginGroup` through @azure/arm-cdn (read, change, write; LRO);
 * the rest of the route is written back as it was read.
 */
export function switchRoute(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const fd = config.components.frontDoor;
  return {
    timeoutMs: 10 * 60_000,
    describe: ({ step }) => {
      const route = stringParam(step, 'route');
      const to = stringParam(step, 'toOriginGroup');
      return `CdnManagementClient(${fd.armEndpoint}, subscription ${fd.subscriptionId}): routes.get(${fd.resourceGroup}, ${fd.profile}, ${fd.endpoint}, ${route}); unless it already points at ${to}, afdOriginGroups.get(${fd.resourceGroup}, ${fd.profile}, ${to}) for its id, then routes.beginCreateAndWait(${fd.resourceGroup}, ${fd.profile}, ${fd.endpoint}, ${route}, { ...current, originGroup: { id: <${to} id> } }) (was ${stringParam(step, 'fromOriginGroup')})`;
    },
    check: async ({ step, signal }) => {
      const now = await readRoute(createArmClients(config, options).cdn, config, stringParam(step, 'route'), signal);
      return sameArmName(now.originGroup, stringParam(step, 'toOriginGroup')) && now.settled ? 'done' : 'not-done';
    },
    execute: async ({ step, signal }) => {
      const move = await pointRoute(createArmClients(config, options).cdn, config, stringParam(step, 'route'), stringParam(step, 'toOriginGroup'), pollMs, signal);
      return { ...move, expectedBefore: stringParam(step, 'fromOriginGroup') };
    },
  };
}
