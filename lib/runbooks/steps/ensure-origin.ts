import type { AFDOrigin, CdnManagementClient } from '@azure/arm-cdn';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { OriginSetting } from './origin-weights-for';
import { sleepOrAbort } from './sleep-or-abort';

const sameSetting = (origin: AFDOrigin, wanted: OriginSetting) => origin.priority === wanted.priority && origin.weight === wanted.weight && (origin.enabledState ?? 'Enabled') === wanted.enabledState;

/**
 * Gives one origin the asked priority, weight and state with a PATCH (LRO) of those fields only.
 * Already so: no write; a write of them still running is waited on (a second one would get 409).
 */
export async function ensureOrigin(client: CdnManagementClient, config: LifeboatConfig, group: string, origin: AFDOrigin, wanted: OriginSetting, pollMs: number, signal: AbortSignal): Promise<boolean> {
  const { resourceGroup: rg, profile } = config.components.frontDoor;
  const name = origin.name ?? '';
  if (!sameSetting(origin, wanted)) {
    await client.afdOrigins.beginUpdateAndWait(rg, profile, group, name, { ...wanted }, { abortSignal: signal, updateIntervalInMs: pollMs });
    return true;
  }
  let current = origin;
  while (current.provisioningState !== 'Succeeded') {
    if (current.provisioningState === 'Failed') throw new Error(`origin ${group}/${name} is in provisioningState Failed`);
    await sleepOrAbort(pollMs, signal);
    current = await client.afdOrigins.get(rg, profile, group, name, { abortSignal: signal });
  }
  return false;
}
