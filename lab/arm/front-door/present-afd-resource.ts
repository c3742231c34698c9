import type { OriginGroupRecord, OriginRecord, RouteRecord } from '../arm-state';
import { AFD_TYPES, originGroupId, originId, routeId } from './afd-resource-ids';

/**
 * Front Door resources as Microsoft.Cdn returns them. deploymentStatus stays NotStarted, as the
 * service reports it for these resources; provisioningState carries the progress.
 */

export function presentOriginGroup(subscriptionId: string, record: OriginGroupRecord) {
  return {
    id: originGroupId(subscriptionId, record.resourceGroup, record.profile, record.name),
    type: AFD_TYPES.originGroups,
    name: record.name,
    properties: { ...record.properties, provisioningState: record.provisioningState, deploymentStatus: 'NotStarted' },
  };
}

export function presentOrigin(subscriptionId: string, record: OriginRecord) {
  return {
    id: originId(subscriptionId, record.resourceGroup, record.profile, record.originGroup, record.name),
    type: AFD_TYPES.origins,
    name: record.name,
    properties: { originGroupName: record.originGroup, ...record.properties, provisioningState: record.provisioningState, deploymentStatus: 'NotStarted' },
  };
}

export function presentRoute(subscriptionId: string, record: RouteRecord) {
  return {
    id: routeId(subscriptionId, record.resourceGroup, record.profile, record.endpoint, record.name),
    type: AFD_TYPES.routes,
    name: record.name,
    properties: { ...record.properties, provisioningState: record.provisioningState, deploymentStatus: 'NotStarted' },
  };
}
