import { randomUUID } from 'node:crypto';
import { ArmError, resourceNotFound } from '../arm-error';
import type { ArmRequest, ArmRoute } from '../arm-handler';
import { requireSubscription } from '../require-scope';
import { presentStorageAccount } from './present-storage-account';
import { accountKey, storageAccountsOf, type StorageAccountRecord, type StorageOperation } from './storage-accounts';

const ACCOUNT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}';
const LOCATION = '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/locations/{location}';

function requireAccount(request: ArmRequest): StorageAccountRecord {
  requireSubscription(request.store.state, request.params.subscriptionId);
  const group = request.params.resourceGroupName ?? '';
  const name = request.params.accountName ?? '';
  const account = storageAccountsOf(request.store, request.settings.config).accounts.get(accountKey(group, name));
  if (account) return account;
  const known = [...request.store.state.resourceGroups.map((g) => g.name), request.settings.config.components.blob.resourceGroup ?? ''];
  if (!known.some((candidate) => candidate.toLowerCase() === group.toLowerCase())) throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${group}' could not be found.`);
  throw resourceNotFound('Microsoft.Storage/storageAccounts', name, `resource group '${group}'`);
}

function findOperation(request: ArmRequest): StorageOperation {
  requireSubscription(request.store.state, request.params.subscriptionId);
  const operation = storageAccountsOf(request.store, request.settings.config).operations.get(request.params.operationId ?? '');
  if (!operation) throw new ArmError(404, 'OperationNotFound', `The operation '${request.params.operationId ?? ''}' could not be found.`);
  return operation;
}

/** POST …/failover: 202 with Azure-AsyncOperation and Location; the swap happens when the operation succeeds. */
function startFailover(request: ArmRequest) {
  const account = requireAccount(request);
  if (account.operationId) throw new ArmError(409, 'AnotherOperationInProgress', `A failover of storage account '${account.name}' is already in progress.`);
  const now = Date.now();
  const operation: StorageOperation = { id: randomUUID(), accountKey: accountKey(account.resourceGroup, account.name), location: account.primaryLocation, status: 'InProgress', startTime: new Date(now).toISOString(), completesAt: now + request.settings.lroDelayMs };
  storageAccountsOf(request.store, request.settings.config).operations.set(operation.id, operation);
  account.operationId = operation.id;
  const base = `${request.baseUrl}/subscriptions/${request.store.state.subscriptionId}/providers/Microsoft.Storage/locations/${operation.location}`;
  const query = `?api-version=${encodeURIComponent(request.apiVersion)}`;
  return { status: 202, headers: { 'azure-asyncoperation': `${base}/asyncoperations/${operation.id}${query}`, location: `${base}/operationresults/${operation.id}${query}`, 'retry-after': '1' } };
}

export const STORAGE_ROUTES: ArmRoute[] = [
  {
    provider: 'Microsoft.Storage',
    template: ACCOUNT,
    methods: { GET: (request) => ({ status: 200, body: presentStorageAccount(request.store.state.subscriptionId, requireAccount(request), request.settings.config.components.blob) }) },
  },
  { provider: 'Microsoft.Storage', template: `${ACCOUNT}/failover`, methods: { POST: startFailover } },
  {
    provider: 'Microsoft.Storage',
    template: `${LOCATION}/asyncoperations/{operationId}`,
    methods: {
      GET: (request) => {
        const operation = findOperation(request);
        const id = `/subscriptions/${request.store.state.subscriptionId}/providers/Microsoft.Storage/locations/${operation.location}/asyncoperations/${operation.id}`;
        return { status: 200, body: { id, name: operation.id, status: operation.status, startTime: operation.startTime, ...(operation.endTime ? { endTime: operation.endTime } : {}) } };
      },
    },
  },
  {
    provider: 'Microsoft.Storage',
    template: `${LOCATION}/operationresults/{operationId}`,
    methods: { GET: (request) => (findOperation(request).status === 'InProgress' ? { status: 202, headers: { 'retry-after': '1' } } : { status: 200 }) },
  },
];
