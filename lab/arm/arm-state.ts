import { z } from 'zod';
import { OriginGroupProperties, OriginProperties, RouteProperties } from './front-door/afd-properties';

/**
 * Everything the emulator knows, persisted as one JSON file. Maps are keyed by the lowercased
 * resource path (ARM names are case-insensitive); records keep the names' original casing.
 */

export const AfdProvisioningState = z.enum(['Succeeded', 'Failed', 'Updating', 'Deleting', 'Creating']);
export type AfdProvisioningState = z.output<typeof AfdProvisioningState>;

/** `properties` is what ARM reports (the desired state); `applied` what the data plane runs. */
function afdRecord<T extends z.ZodType>(properties: T) {
  return z.object({
    resourceGroup: z.string(),
    profile: z.string(),
    name: z.string(),
    properties,
    applied: properties.nullable(),
    provisioningState: AfdProvisioningState,
    operationId: z.string().optional(),
  });
}

export const OriginGroupRecord = afdRecord(OriginGroupProperties);
export type OriginGroupRecord = z.output<typeof OriginGroupRecord>;
export const OriginRecord = afdRecord(OriginProperties).extend({ originGroup: z.string() });
export type OriginRecord = z.output<typeof OriginRecord>;
export const RouteRecord = afdRecord(RouteProperties).extend({ endpoint: z.string() });
export type RouteRecord = z.output<typeof RouteRecord>;

export const AgentPoolProvisioningState = z.enum(['Succeeded', 'Failed', 'Creating', 'Updating', 'Scaling']);

export const AgentPoolRecord = z.object({
  resourceGroup: z.string(),
  cluster: z.string(),
  name: z.string(),
  count: z.int().min(0),
  vmSize: z.string(),
  mode: z.enum(['System', 'User']),
  osType: z.enum(['Linux', 'Windows']),
  osSKU: z.string(),
  orchestratorVersion: z.string(),
  maxPods: z.int(),
  provisioningState: AgentPoolProvisioningState,
  operationId: z.string().optional(),
  /** Node count from each change on (ISO time): the cost model bills past days from it. */
  countHistory: z.array(z.object({ at: z.string(), count: z.int().min(0) })).min(1),
});
export type AgentPoolRecord = z.output<typeof AgentPoolRecord>;

export const ClusterRecord = z.object({
  resourceGroup: z.string(),
  name: z.string(),
  location: z.string(),
  kubernetesVersion: z.string(),
  dnsPrefix: z.string(),
});
export type ClusterRecord = z.output<typeof ClusterRecord>;

export const OperationTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('afd'), collection: z.enum(['originGroups', 'origins', 'routes']), key: z.string(), action: z.enum(['create', 'update', 'delete']) }),
  z.object({ kind: z.literal('agentPool'), key: z.string(), toCount: z.int().min(0) }),
]);
export type OperationTarget = z.output<typeof OperationTarget>;

export const OperationRecord = z.object({
  id: z.string(),
  provider: z.enum(['Microsoft.Cdn', 'Microsoft.ContainerService']),
  status: z.enum(['InProgress', 'Succeeded', 'Failed', 'Canceled']),
  startTime: z.string(),
  endTime: z.string().optional(),
  /** Epoch milliseconds at which the operation is due to finish. */
  completesAt: z.number(),
  target: OperationTarget,
});
export type OperationRecord = z.output<typeof OperationRecord>;

export const ArmState = z.object({
  version: z.literal(1),
  /** Fingerprint of the configuration the state was built from: a different topology starts afresh. */
  topology: z.string(),
  subscriptionId: z.string(),
  resourceGroups: z.array(z.object({ name: z.string(), location: z.string() })),
  profiles: z.array(z.object({ resourceGroup: z.string(), name: z.string() })),
  endpoints: z.array(z.object({ resourceGroup: z.string(), profile: z.string(), name: z.string() })),
  originGroups: z.record(z.string(), OriginGroupRecord),
  origins: z.record(z.string(), OriginRecord),
  routes: z.record(z.string(), RouteRecord),
  clusters: z.record(z.string(), ClusterRecord),
  agentPools: z.record(z.string(), AgentPoolRecord),
  operations: z.record(z.string(), OperationRecord),
});
export type ArmState = z.output<typeof ArmState>;

/** The map key of a resource: its path of names, lowercased. */
export function recordKey(...names: string[]): string {
  return names.map((name) => name.toLowerCase()).join('/');
}
