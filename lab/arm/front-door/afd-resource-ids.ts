/**
 * Front Door resource ids and types, shaped as Microsoft.Cdn returns them: lowercase
 * `resourcegroups`, `origingroups` and `afdendpoints` segments (ARM ids are case-insensitive).
 */

export const AFD_TYPES = {
  originGroups: 'Microsoft.Cdn/profiles/origingroups',
  origins: 'Microsoft.Cdn/profiles/origingroups/origins',
  routes: 'Microsoft.Cdn/profiles/afdendpoints/routes',
} as const;

function profileId(subscriptionId: string, resourceGroup: string, profile: string): string {
  return `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/providers/Microsoft.Cdn/profiles/${profile}`;
}

export function originGroupId(subscriptionId: string, resourceGroup: string, profile: string, originGroup: string): string {
  return `${profileId(subscriptionId, resourceGroup, profile)}/origingroups/${originGroup}`;
}

export function originId(subscriptionId: string, resourceGroup: string, profile: string, originGroup: string, origin: string): string {
  return `${originGroupId(subscriptionId, resourceGroup, profile, originGroup)}/origins/${origin}`;
}

export function routeId(subscriptionId: string, resourceGroup: string, profile: string, endpoint: string, route: string): string {
  return `${profileId(subscriptionId, resourceGroup, profile)}/afdendpoints/${endpoint}/routes/${route}`;
}

/** The parts of an origin group id, or null when the id is not one (any casing is accepted, as in ARM). */
export function parseOriginGroupId(id: string): { subscriptionId: string; resourceGroup: string; profile: string; originGroup: string } | null {
  const match = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.cdn\/profiles\/([^/]+)\/origingroups\/([^/]+)\/?$/i.exec(id);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return null;
  return { subscriptionId: match[1], resourceGroup: match[2], profile: match[3], originGroup: match[4] };
}
