import { recordKey, type ArmState } from '../arm-state';
import type { ActiveOriginGroupView, FrontDoorProbeView, FrontDoorView } from '../front-door-view';
import type { ArmStore } from '../open-arm-store';
import { parseOriginGroupId } from './afd-resource-ids';

/** Azure's defaults when a group has no probe settings: "Default is 240sec"; the path is the root. */
const DEFAULT_PROBE: FrontDoorProbeView = { path: '/', intervalSeconds: 240, protocol: 'Http' };

export type ServedRoute = { resourceGroup: string; profile: string; endpoint: string; route: string };

/**
 * What the data plane runs for the served route: only settled (Succeeded) configuration. A
 * disabled or missing route, or a group still being created, serves no origins.
 */
export function readActiveOriginGroup(state: ArmState, served: ServedRoute): ActiveOriginGroupView {
  const route = state.routes[recordKey(served.resourceGroup, served.profile, served.endpoint, served.route)]?.applied;
  if (!route || route.enabledState === 'Disabled') return { name: '', origins: [], probe: DEFAULT_PROBE };
  const ref = parseOriginGroupId(route.originGroup.id);
  if (!ref) return { name: '', origins: [], probe: DEFAULT_PROBE };
  const groupKey = recordKey(ref.resourceGroup, ref.profile, ref.originGroup);
  const group = state.originGroups[groupKey];
  const settings = group?.applied;
  if (!group || !settings) return { name: group?.name ?? ref.originGroup, origins: [], probe: DEFAULT_PROBE };

  const origins = Object.entries(state.origins)
    .filter(([key, origin]) => key.startsWith(`${groupKey}/`) && origin.applied !== null)
    .map(([, origin]) => {
      const applied = origin.applied ?? origin.properties;
      return {
        name: origin.name,
        hostName: applied.hostName,
        httpPort: applied.httpPort ?? 80,
        priority: applied.priority ?? 1,
        weight: applied.weight ?? 1000,
        enabled: applied.enabledState !== 'Disabled',
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const probe = settings.healthProbeSettings;
  return {
    name: group.name,
    origins,
    probe: {
      path: probe?.probePath ?? DEFAULT_PROBE.path,
      intervalSeconds: probe?.probeIntervalInSeconds ?? DEFAULT_PROBE.intervalSeconds,
      protocol: probe?.probeProtocol === 'Https' ? 'Https' : 'Http',
    },
  };
}

export function createFrontDoorView(store: ArmStore, served: ServedRoute): FrontDoorView {
  return {
    activeOriginGroup: () => readActiveOriginGroup(store.state, served),
    onChange: (listener) => store.onFrontDoorChange(listener),
  };
}
