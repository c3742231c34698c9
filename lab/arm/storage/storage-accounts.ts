import type { LifeboatConfig } from '@/lib/config/schema';
import type { ArmStore } from '../open-arm-store';

/** One account failover: InProgress until completesAt, then the account's locations swap. */
export type StorageOperation = { id: string; accountKey: string; location: string; status: 'InProgress' | 'Succeeded'; startTime: string; endTime?: string; completesAt: number };

export type StorageAccountRecord = {
  resourceGroup: string;
  name: string;
  primaryLocation: string;
  secondaryLocation: string;
  creationTime: string;
  lastGeoFailoverTime?: string;
  operationId?: string;
};

export type StorageAccounts = { accounts: Map<string, StorageAccountRecord>; operations: Map<string, StorageOperation> };

// Kept beside the ARM store rather than in its state file, so the storage half adds no schema to it:
// an emulator restart starts the account again from the configuration (README: Storage accounts).
const byStore = new WeakMap<ArmStore, StorageAccounts>();

export const accountKey = (resourceGroup: string, name: string) => `${resourceGroup}/${name}`.toLowerCase();

/** Finishes every failover that is due: the secondary becomes the primary, lastGeoFailoverTime is set. */
function settle(accounts: StorageAccounts, now: number): void {
  for (const operation of accounts.operations.values()) {
    if (operation.status !== 'InProgress' || operation.completesAt > now) continue;
    operation.status = 'Succeeded';
    operation.endTime = new Date(operation.completesAt).toISOString();
    const account = accounts.accounts.get(operation.accountKey);
    if (!account || account.operationId !== operation.id) continue;
    [account.primaryLocation, account.secondaryLocation] = [account.secondaryLocation, account.primaryLocation];
    account.lastGeoFailoverTime = operation.endTime;
    delete account.operationId;
  }
}

/** The emulator's storage accounts (the configured Blob account, when it names its resource group), settled to now. */
export function storageAccountsOf(store: ArmStore, config: LifeboatConfig, now = Date.now()): StorageAccounts {
  let accounts = byStore.get(store);
  if (!accounts) {
    accounts = { accounts: new Map(), operations: new Map() };
    const blob = config.components.blob;
    if (blob.resourceGroup) {
      accounts.accounts.set(accountKey(blob.resourceGroup, blob.accountName), {
        resourceGroup: blob.resourceGroup,
        name: blob.accountName,
        primaryLocation: config.regions.primary.name,
        secondaryLocation: config.regions.secondary.name,
        creationTime: '2025-01-01T00:00:00.0000000Z',
      });
    }
    byStore.set(store, accounts);
  }
  settle(accounts, now);
  return accounts;
}
