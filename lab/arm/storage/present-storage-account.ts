import type { LifeboatConfig } from '@/lib/config/schema';
import type { StorageAccountRecord } from './storage-accounts';

/** The account as GET storageAccounts/{name} shows it (Microsoft.Storage's StorageAccount shape, trimmed). */
export function presentStorageAccount(subscriptionId: string, account: StorageAccountRecord, blob: LifeboatConfig['components']['blob']) {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account.name}`,
    name: account.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: account.primaryLocation,
    kind: 'StorageV2',
    sku: { name: 'Standard_RAGRS', tier: 'Standard' },
    properties: {
      provisioningState: 'Succeeded',
      creationTime: account.creationTime,
      primaryLocation: account.primaryLocation,
      statusOfPrimary: 'available',
      secondaryLocation: account.secondaryLocation,
      statusOfSecondary: 'available',
      primaryEndpoints: { blob: `${blob.primaryUrl.replace(/\/+$/, '')}/` },
      secondaryEndpoints: { blob: `${blob.secondaryUrl.replace(/\/+$/, '')}/` },
      ...(account.lastGeoFailoverTime ? { lastGeoFailoverTime: account.lastGeoFailoverTime } : {}),
      ...(account.operationId ? { failoverInProgress: true } : {}),
    },
  };
}
