import type { ArmResponse } from '../arm-response';
import type { ArmRequest } from '../arm-handler';
import type { OperationRecord } from '../arm-state';
import { presentAgentPool } from '../aks/present-aks-resource';
import { presentOrigin, presentOriginGroup, presentRoute } from '../front-door/present-afd-resource';

/** What a finished operation's Location URL answers: the resource as it now is, or 204 once deleted. */
export function presentOperationResult(request: ArmRequest, operation: OperationRecord): ArmResponse {
  const { state } = request.store;
  const target = operation.target;
  if (target.kind === 'agentPool') {
    const pool = state.agentPools[target.key];
    return pool ? { status: 200, body: presentAgentPool(state.subscriptionId, pool) } : { status: 204 };
  }
  if (target.action === 'delete') return { status: 204 };
  if (target.collection === 'originGroups') {
    const record = state.originGroups[target.key];
    return record ? { status: 200, body: presentOriginGroup(state.subscriptionId, record) } : { status: 204 };
  }
  if (target.collection === 'origins') {
    const record = state.origins[target.key];
    return record ? { status: 200, body: presentOrigin(state.subscriptionId, record) } : { status: 204 };
  }
  const record = state.routes[target.key];
  return record ? { status: 200, body: presentRoute(state.subscriptionId, record) } : { status: 204 };
}
