import { ArmError } from '../arm-error';
import type { ArmRequest, ArmRoute } from '../arm-handler';
import type { OperationRecord } from '../arm-state';
import { requireResourceGroup, requireSubscription } from '../require-scope';
import { presentOperationResult } from './present-operation-result';

function findOperation(request: ArmRequest, provider: OperationRecord['provider']): OperationRecord {
  const operation = request.store.state.operations[request.params.operationId ?? ''];
  if (!operation || operation.provider !== provider) {
    throw new ArmError(404, 'OperationNotFound', `The operation '${request.params.operationId ?? ''}' could not be found.`);
  }
  return operation;
}

/** The Azure-AsyncOperation body: `status` is what pollers read (InProgress, then Succeeded). */
function statusBody(operation: OperationRecord, id: string) {
  return {
    id,
    name: operation.id,
    status: operation.status,
    startTime: operation.startTime,
    ...(operation.endTime ? { endTime: operation.endTime } : {}),
  };
}

/** Location semantics: 202 while running, then the operation's result (the resource, or 204 after a delete). */
function resultResponse(request: ArmRequest, operation: OperationRecord) {
  if (operation.status === 'InProgress') return { status: 202, headers: { 'retry-after': '1' } };
  return presentOperationResult(request, operation);
}

const CDN_OPERATION = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Cdn/operationresults/{operationId}';
const AKS_OPERATIONS = '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}';

export const OPERATION_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.Cdn',
    template: CDN_OPERATION,
    methods: {
      GET: (request) => {
        const resourceGroup = requireResourceGroup(request.store.state, request.params.subscriptionId, request.params.resourceGroupName);
        const operation = findOperation(request, 'Microsoft.Cdn');
        const id = `/subscriptions/${request.store.state.subscriptionId}/resourcegroups/${resourceGroup}/providers/Microsoft.Cdn/operationresults/${operation.id}`;
        return { status: 200, body: statusBody(operation, id) };
      },
    },
  },
  {
    provider: 'Microsoft.Cdn',
    template: `${CDN_OPERATION}/result`,
    methods: {
      GET: (request) => {
        requireResourceGroup(request.store.state, request.params.subscriptionId, request.params.resourceGroupName);
        return resultResponse(request, findOperation(request, 'Microsoft.Cdn'));
      },
    },
  },
  {
    provider: 'Microsoft.ContainerService',
    template: `${AKS_OPERATIONS}/operations/{operationId}`,
    methods: {
      GET: (request) => {
        requireSubscription(request.store.state, request.params.subscriptionId);
        const operation = findOperation(request, 'Microsoft.ContainerService');
        const id = `/subscriptions/${request.store.state.subscriptionId}/providers/Microsoft.ContainerService/locations/${request.params.location ?? ''}/operations/${operation.id}`;
        return { status: 200, body: statusBody(operation, id) };
      },
    },
  },
  {
    provider: 'Microsoft.ContainerService',
    template: `${AKS_OPERATIONS}/operationresults/{operationId}`,
    methods: {
      GET: (request) => {
        requireSubscription(request.store.state, request.params.subscriptionId);
        return resultResponse(request, findOperation(request, 'Microsoft.ContainerService'));
      },
    },
  },
];
