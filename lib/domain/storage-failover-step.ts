import type { PlanStep } from './change-plan';

/** The storage account a `storage-failover` request fails over (present only when enabled in config). */
export type StorageFailoverTarget = { accountName: string; resourceGroup: string };

/** Azure says an account failover usually completes within an hour. */
const FAILOVER_MINUTES = 60;

/**
 * The one step of a storage-account failover, in the DR plan's words: customer-initiated, the
 * secondary becomes the primary, and writes not yet replicated are lost.
 */
export function storageFailoverStep(target: StorageFailoverTarget, fromName: string, toName: string): PlanStep {
  return {
    id: 'failover-storage',
    action: 'failover-storage-account',
    title: `Blob storage account ${target.accountName} (resource group ${target.resourceGroup}): customer-initiated account failover ${fromName} → ${toName}. The secondary in ${toName} becomes the primary; writes not yet replicated to it (after the geo-replication Last Sync Time shown in the pre-flight) are lost, and the account is locally redundant in ${toName} until geo-redundancy is turned back on`,
    target: `storage/${target.resourceGroup}/${target.accountName}`,
    params: { resourceGroup: target.resourceGroup, account: target.accountName, fromRegion: fromName, toRegion: toName },
    dependsOn: [],
    optional: false,
    estimateMinutes: FAILOVER_MINUTES,
  };
}
