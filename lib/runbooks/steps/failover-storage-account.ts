import type { LifeboatConfig } from '@/lib/config/schema';
import type { StepHandler } from '../step-handler';
import { createStorageClient } from './create-storage-client';
import { readAccountLocations, sameRegion, type AccountLocations } from './read-account-locations';
import { sleepOrAbort } from './sleep-or-abort';
import { DEFAULT_POLL_MS, type StepOptions } from './step-options';
import { stringParam } from './step-params';

const where = (at: AccountLocations) => ({ primaryLocation: at.primaryLocation, secondaryLocation: at.secondaryLocation });

/**
 * `failover-storage-account` (a `storage-failover` request): customer-initiated account failover
 * through @azure/arm-storage (POST …/failover, a long-running operation). An account already primary
 * in the target is not failed over again; one already failing over is waited on, never re-posted.
 */
export function failoverStorageAccount(config: LifeboatConfig, options: StepOptions = {}): StepHandler {
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const subscription = config.components.frontDoor.subscriptionId;
  return {
    // Azure says an account failover usually takes under an hour.
    timeoutMs: 90 * 60_000,
    describe: ({ step }) => {
      const [group, account, to] = [stringParam(step, 'resourceGroup'), stringParam(step, 'account'), stringParam(step, 'toRegion')];
      return `StorageManagementClient(${config.components.frontDoor.armEndpoint}, subscription ${subscription}): storageAccounts.getProperties(${group}, ${account}); unless its primaryLocation is already ${to}, storageAccounts.beginFailoverAndWait(${group}, ${account}) (POST …/storageAccounts/${account}/failover, then poll the operation), then getProperties again: primaryLocation must be ${to} (was ${stringParam(step, 'fromRegion')})`;
    },
    check: async ({ step, signal }) => {
      const now = await readAccountLocations(createStorageClient(config, options), stringParam(step, 'resourceGroup'), stringParam(step, 'account'), signal);
      return sameRegion(now.primaryLocation, stringParam(step, 'toRegion')) && !now.failoverInProgress ? 'done' : 'not-done';
    },
    execute: async ({ step, signal }) => {
      const [group, account, to] = [stringParam(step, 'resourceGroup'), stringParam(step, 'account'), stringParam(step, 'toRegion')];
      const client = createStorageClient(config, options);
      const started = Date.now();
      const before = await readAccountLocations(client, group, account, signal);
      if (sameRegion(before.primaryLocation, to) && !before.failoverInProgress) return { account, before: where(before), after: where(before), lastGeoFailoverTime: before.lastGeoFailoverTime, seconds: 0, written: false };
      if (before.failoverInProgress) {
        while ((await readAccountLocations(client, group, account, signal)).failoverInProgress) await sleepOrAbort(pollMs, signal);
      } else {
        await client.storageAccounts.beginFailoverAndWait(group, account, { abortSignal: signal, updateIntervalInMs: pollMs });
      }
      const after = await readAccountLocations(client, group, account, signal);
      if (!sameRegion(after.primaryLocation, to)) throw new Error(`storage account ${account}: after the failover its primary is ${after.primaryLocation ?? 'unknown'}, not ${to}`);
      return { account, before: where(before), after: where(after), lastGeoFailoverTime: after.lastGeoFailoverTime, seconds: Math.round((Date.now() - started) / 1000), written: !before.failoverInProgress };
    },
  };
}
