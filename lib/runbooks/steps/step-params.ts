import type { PlanStep } from '@/lib/domain/change-plan';

export type RegionRole = 'primary' | 'secondary';

/** A string parameter the plan must carry; a missing one is a plan bug, named as such. */
export function stringParam(step: PlanStep, name: string): string {
  const value = step.params[name];
  if (typeof value !== 'string' || value === '') throw new Error(`step ${step.id}: parameter ${name} is missing or not a string`);
  return value;
}

/** `params.region` as a region role ('primary' | 'secondary'), the way build-change-plan writes it. */
export function regionParam(step: PlanStep): RegionRole {
  const region = stringParam(step, 'region');
  if (region !== 'primary' && region !== 'secondary') throw new Error(`step ${step.id}: region must be primary or secondary, got ${JSON.stringify(region)}`);
  return region;
}

export function otherRegion(region: RegionRole): RegionRole {
  return region === 'primary' ? 'secondary' : 'primary';
}
