import { createHash } from 'node:crypto';
import type { LifeboatConfig } from '@/lib/config/schema';
import { recordKey, type AgentPoolRecord, type ArmState, type OriginGroupRecord, type OriginRecord, type RouteRecord } from './arm-state';
import { originGroupId } from './front-door/afd-resource-ids';

/** Fields of the lab's resources the configuration does not set: what a fresh Azure deployment would show. */
const KUBERNETES_VERSION = '1.33.2';
const NODE_VM_SIZE = 'Standard_D4s_v5';
/** Before the lab existed, pools had their configured size: the cost model bills history from here. */
const HISTORY_START = '2000-01-01T00:00:00.000Z';
// Bump when buildInitialState lays resources out differently, so saved state is rebuilt.
const LAYOUT = 2;

type Topology = Pick<LifeboatConfig, 'regions'> & { components: Pick<LifeboatConfig['components'], 'frontDoor' | 'aks'> };

/** Changes when anything the initial state is built from changes, so stale state is not reused. */
export function topologyFingerprint(config: Topology, probeIntervalSeconds: number): string {
  const { armEndpoint: _arm, publicUrl: _public, ...frontDoor } = config.components.frontDoor;
  const basis = JSON.stringify({ layout: LAYOUT, regions: config.regions, frontDoor, aks: config.components.aks, probeIntervalSeconds });
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

/**
 * The lab topology as Azure would hold it after deployment: the route on the primary origin group,
 * the primary group with both origins (priority 1 and 2), the secondary group with its own, and the AKS pools at their
 * configured sizes (production for the primary, standby for the secondary).
 */
export function buildInitialState(config: Topology, probeIntervalSeconds: number): ArmState {
  const fd = config.components.frontDoor;
  const aks = config.components.aks;
  const state: ArmState = {
    version: 1,
    topology: topologyFingerprint(config, probeIntervalSeconds),
    subscriptionId: fd.subscriptionId,
    resourceGroups: [],
    profiles: [{ resourceGroup: fd.resourceGroup, name: fd.profile }],
    endpoints: [{ resourceGroup: fd.resourceGroup, profile: fd.profile, name: fd.endpoint }],
    originGroups: {},
    origins: {},
    routes: {},
    clusters: {},
    agentPools: {},
    operations: {},
  };
  const addResourceGroup = (name: string, location: string) => {
    if (!state.resourceGroups.some((group) => group.name.toLowerCase() === name.toLowerCase())) state.resourceGroups.push({ name, location });
  };
  addResourceGroup(fd.resourceGroup, config.regions.primary.name);

  for (const role of ['primary', 'secondary'] as const) {
    const groupName = fd.originGroups[role];
    const origin = fd.origins[role];
    const group: OriginGroupRecord = {
      resourceGroup: fd.resourceGroup,
      profile: fd.profile,
      name: groupName,
      properties: {
        loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 },
        healthProbeSettings: { probePath: origin.healthPath, probeRequestType: 'GET', probeProtocol: 'Http', probeIntervalInSeconds: probeIntervalSeconds },
        sessionAffinityState: 'Disabled',
      },
      applied: null,
      provisioningState: 'Succeeded',
    };
    group.applied = group.properties;
    state.originGroups[recordKey(fd.resourceGroup, fd.profile, groupName)] = group;

    // The primary group also holds the secondary origin at priority 2: Front Door's automatic
    // failover (DR plan). The secondary group holds only the secondary: the manual failover target.
    const members = role === 'primary' ? [{ origin: fd.origins.primary, priority: 1 }, { origin: fd.origins.secondary, priority: 2 }] : [{ origin, priority: 1 }];
    for (const member of members) {
      const originRecord: OriginRecord = {
        resourceGroup: fd.resourceGroup,
        profile: fd.profile,
        originGroup: groupName,
        name: member.origin.name,
        properties: {
          hostName: member.origin.hostName,
          httpPort: member.origin.httpPort ?? 80,
          httpsPort: member.origin.httpsPort ?? 443,
          originHostHeader: member.origin.hostName,
          priority: member.priority,
          weight: 1000,
          enabledState: 'Enabled',
          enforceCertificateNameCheck: true,
        },
        applied: null,
        provisioningState: 'Succeeded',
      };
      originRecord.applied = originRecord.properties;
      state.origins[recordKey(fd.resourceGroup, fd.profile, groupName, member.origin.name)] = originRecord;
    }

    const region = aks[role];
    const location = config.regions[role].name;
    addResourceGroup(region.resourceGroup, location);
    state.clusters[recordKey(region.resourceGroup, region.cluster)] = {
      resourceGroup: region.resourceGroup,
      name: region.cluster,
      location,
      kubernetesVersion: KUBERNETES_VERSION,
      dnsPrefix: region.cluster,
    };
    const count = role === 'primary' ? region.productionNodeCount : region.standbyNodeCount;
    const pool: AgentPoolRecord = {
      resourceGroup: region.resourceGroup,
      cluster: region.cluster,
      name: region.nodePool,
      count,
      vmSize: NODE_VM_SIZE,
      mode: 'User',
      osType: 'Linux',
      osSKU: 'Ubuntu',
      orchestratorVersion: KUBERNETES_VERSION,
      maxPods: 110,
      provisioningState: 'Succeeded',
      countHistory: [{ at: HISTORY_START, count }],
    };
    state.agentPools[recordKey(region.resourceGroup, region.cluster, region.nodePool)] = pool;
  }

  const route: RouteRecord = {
    resourceGroup: fd.resourceGroup,
    profile: fd.profile,
    endpoint: fd.endpoint,
    name: fd.route,
    properties: {
      customDomains: [],
      originGroup: { id: originGroupId(fd.subscriptionId, fd.resourceGroup, fd.profile, fd.originGroups.primary) },
      ruleSets: [],
      supportedProtocols: ['Http', 'Https'],
      patternsToMatch: ['/*'],
      forwardingProtocol: 'HttpOnly',
      linkToDefaultDomain: 'Enabled',
      httpsRedirect: 'Disabled',
      enabledState: 'Enabled',
    },
    applied: null,
    provisioningState: 'Succeeded',
  };
  route.applied = route.properties;
  state.routes[recordKey(fd.resourceGroup, fd.profile, fd.endpoint, fd.route)] = route;
  return state;
}
