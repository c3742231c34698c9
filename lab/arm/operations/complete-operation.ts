import type { AfdProvisioningState, ArmState, OperationRecord } from '../arm-state';

type AfdRecordOf<P> = { properties: P; applied: P | null; provisioningState: AfdProvisioningState; operationId?: string };

function settle<P>(records: Record<string, AfdRecordOf<P>>, key: string, operationId: string, action: 'create' | 'update' | 'delete'): void {
  const record = records[key];
  if (!record || record.operationId !== operationId) return;
  if (action === 'delete') {
    delete records[key];
    return;
  }
  record.applied = record.properties;
  record.provisioningState = 'Succeeded';
  delete record.operationId;
}

/**
 * Finishes an operation: the resource reaches Succeeded and, for Front Door, the data plane starts
 * running the new properties. Returns whether the Front Door configuration changed.
 */
export function completeOperation(state: ArmState, operation: OperationRecord, now: Date): { frontDoorChanged: boolean } {
  operation.status = 'Succeeded';
  operation.endTime = now.toISOString();
  const target = operation.target;
  if (target.kind === 'afd') {
    if (target.collection === 'originGroups') {
      settle(state.originGroups, target.key, operation.id, target.action);
      // Deleting a group deletes its origins with it.
      if (target.action === 'delete' && !state.originGroups[target.key]) {
        for (const key of Object.keys(state.origins)) if (key.startsWith(`${target.key}/`)) delete state.origins[key];
      }
    }
    else if (target.collection === 'origins') settle(state.origins, target.key, operation.id, target.action);
    else settle(state.routes, target.key, operation.id, target.action);
    return { frontDoorChanged: true };
  }
  const pool = state.agentPools[target.key];
  if (pool && pool.operationId === operation.id) {
    pool.provisioningState = 'Succeeded';
    delete pool.operationId;
    const last = pool.countHistory.at(-1);
    if (last?.count !== target.toCount) pool.countHistory.push({ at: operation.endTime, count: target.toCount });
  }
  return { frontDoorChanged: false };
}
