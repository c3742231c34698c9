import type { CdnManagementClient, Route } from '@azure/arm-cdn';
import type { LifeboatConfig } from '@/lib/config/schema';
import { sameArmName } from './same-arm-name';
import { sleepOrAbort } from './sleep-or-abort';

export type RouteMove = { route: string; before: string; after: string; written: boolean };

const groupOf = (route: Route) => route.originGroup?.id?.split('/').filter(Boolean).at(-1) ?? '(none)';

/**
 * Points the Front Door route at `toOriginGroup`: GET the route, change only originGroup, PUT it
 * back (PUT, routes.beginCreate: LRO). A route already there is not written; one still Updating there is waited on,
 * so a repeat after a lost poll never issues a second write.
 */
export async function pointRoute(client: CdnManagementClient, config: LifeboatConfig, routeName: string, toOriginGroup: string, pollMs: number, signal: AbortSignal): Promise<RouteMove> {
  const { resourceGroup: rg, profile, endpoint } = config.components.frontDoor;
  const current = await client.routes.get(rg, profile, endpoint, routeName, { abortSignal: signal });
  const before = groupOf(current);
  if (sameArmName(current.originGroup?.id, toOriginGroup)) {
    let settled = current;
    while (settled.provisioningState !== 'Succeeded') {
      if (settled.provisioningState === 'Failed') throw new Error(`route ${routeName} is in provisioningState Failed`);
      await sleepOrAbort(pollMs, signal);
      settled = await client.routes.get(rg, profile, endpoint, routeName, { abortSignal: signal });
    }
    return { route: routeName, before, after: groupOf(settled), written: false };
  }
  // The group's own id (it must exist in the profile), not one spelled here.
  const group = await client.afdOriginGroups.get(rg, profile, toOriginGroup, { abortSignal: signal });
  if (!group.id) throw new Error(`origin group ${toOriginGroup} has no id`);
  const updated = await client.routes.beginCreateAndWait(rg, profile, endpoint, routeName, { ...current, originGroup: { id: group.id } }, { abortSignal: signal, updateIntervalInMs: pollMs });
  return { route: routeName, before, after: groupOf(updated), written: true };
}

/** The route's origin group now, and whether its last operation has finished. */
export async function readRoute(client: CdnManagementClient, config: LifeboatConfig, routeName: string, signal: AbortSignal): Promise<{ originGroup: string; settled: boolean }> {
  const { resourceGroup: rg, profile, endpoint } = config.components.frontDoor;
  const route = await client.routes.get(rg, profile, endpoint, routeName, { abortSignal: signal });
  return { originGroup: groupOf(route), settled: route.provisioningState === 'Succeeded' };
}
