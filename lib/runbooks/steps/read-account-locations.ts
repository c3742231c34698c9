import type { StorageManagementClient } from '@azure/arm-storage';

export type AccountLocations = { primaryLocation: string | null; secondaryLocation: string | null; lastGeoFailoverTime: string | null; failoverInProgress: boolean };

/** Where the account's primary and secondary are now, and whether a failover is under way. */
export async function readAccountLocations(client: StorageManagementClient, resourceGroup: string, account: string, signal: AbortSignal): Promise<AccountLocations> {
  const found = await client.storageAccounts.getProperties(resourceGroup, account, { abortSignal: signal });
  return {
    primaryLocation: found.primaryLocation ?? null,
    secondaryLocation: found.secondaryLocation ?? null,
    lastGeoFailoverTime: found.lastGeoFailoverTime?.toISOString() ?? null,
    failoverInProgress: found.failoverInProgress === true,
  };
}

/** ARM region names compare without case or spaces ("Canada East" = "canadaeast"). */
export function sameRegion(a: string | null, b: string): boolean {
  const plain = (name: string) => name.replace(/\s+/g, '').toLowerCase();
  return a !== null && plain(a) === plain(b);
}
