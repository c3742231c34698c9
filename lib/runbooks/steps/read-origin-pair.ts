import type { AFDOrigin, AFDOriginGroup, CdnManagementClient } from '@azure/arm-cdn';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { OriginSetting } from './origin-weights-for';
import { sameArmName } from './same-arm-name';

export type OriginPair = { group: AFDOriginGroup; target: AFDOrigin; source: AFDOrigin | undefined };

/** The origin group and its two origins of a failback (the source may be absent from it). */
export async function readOriginPair(client: CdnManagementClient, config: LifeboatConfig, names: { group: string; target: string; source: string }, signal: AbortSignal): Promise<OriginPair> {
  const { resourceGroup: rg, profile } = config.components.frontDoor;
  const group = await client.afdOriginGroups.get(rg, profile, names.group, { abortSignal: signal });
  const origins: AFDOrigin[] = [];
  for await (const origin of client.afdOrigins.listByOriginGroup(rg, profile, names.group, { abortSignal: signal })) origins.push(origin);
  const target = origins.find((origin) => sameArmName(origin.name, names.target));
  if (!target) throw new Error(`origin group ${names.group} does not hold origin ${names.target}: the gradual shift needs both origins in one group`);
  return { group, target, source: origins.find((origin) => sameArmName(origin.name, names.source)) };
}

/** Whether ARM already holds the asked priority, weight and enabled state (and has finished writing them). */
export function originMatches(origin: AFDOrigin | undefined, wanted: OriginSetting): boolean {
  return origin !== undefined && origin.priority === wanted.priority && origin.weight === wanted.weight && (origin.enabledState ?? 'Enabled') === wanted.enabledState && origin.provisioningState === 'Succeeded';
}

export const describeOrigin = (origin: AFDOrigin | undefined) => (origin ? { priority: origin.priority ?? null, weight: origin.weight ?? null, enabledState: origin.enabledState ?? null } : null);
