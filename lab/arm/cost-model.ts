import { createHash } from 'node:crypto';
import type { DeploymentModel, LifeboatConfig, RegionRole } from '@/lib/config/schema';
import type { AgentPoolRecord } from './arm-state';

/**
 * The lab's cost model, in CAD, from the DR plan's "Cost Analysis" (MULTI-REGION-DR.md, warm
 * standby table). Monthly figures become daily ones (× 12 / 365); README.md "Cost model" explains
 * every number. Deterministic: the same day always costs the same, whatever the run.
 */

export const CURRENCY = 'CAD';

/** D4s_v5 node, per month: the plan's AKS line is $1,200 for 6 nodes and $600 for 3. */
export const NODE_MONTHLY = 200;

type Service = 'Virtual Machines' | 'Storage' | 'Redis Cache' | 'Cognitive Services' | 'Bandwidth' | 'Azure Front Door Service';

/** Monthly CAD of everything except AKS nodes, which follow the emulated pool. */
type FixedRates = Partial<Record<Exclude<Service, 'Virtual Machines'>, number>>;

/** Primary: Qdrant 500 GB Premium SSD (120) + Blob 1 TB GRS (45) are both "Storage"; the GRS price covers the secondary copy. */
const PRIMARY: FixedRates = { Storage: 165, 'Redis Cache': 280, 'Cognitive Services': 2000, Bandwidth: 150 };

/** The secondary per deployment model. warm is the plan's table (total $1,290 with 3 nodes). */
const SECONDARY: Record<DeploymentModel, FixedRates> = {
  cold: { Storage: 60, 'Redis Cache': 40, 'Cognitive Services': 100, Bandwidth: 20 },
  warm: { Storage: 60, 'Redis Cache': 80, 'Cognitive Services': 500, Bandwidth: 50 },
  // Full copy serving traffic: 6 nodes + these come to 90 % of the primary, the plan's "190 %" in total.
  'active-active': { Storage: 120, 'Redis Cache': 280, 'Cognitive Services': 1715, Bandwidth: 100 },
};

/** Front Door Standard's base fee (~US$35): one profile, shared by both regions, billed where it lives. */
const FRONT_DOOR_MONTHLY = 48;

/** Day-to-day spread (±) per service, and whether usage drops at weekends. */
const VARIATION: Record<Service, { spread: number; weekly: boolean }> = {
  'Virtual Machines': { spread: 0.02, weekly: false },
  Storage: { spread: 0.03, weekly: false },
  'Redis Cache': { spread: 0.01, weekly: false },
  'Cognitive Services': { spread: 0.25, weekly: true },
  Bandwidth: { spread: 0.2, weekly: true },
  'Azure Front Door Service': { spread: 0.1, weekly: true },
};

/** Weekdays carry more usage than weekends; the week still averages 1 (5 × 1.16 + 2 × 0.6 = 7). */
const WEEKDAY = 1.16;
const WEEKEND = 0.6;

export type CostLine = { resourceGroup: string; location: string; serviceName: string; cost: number };

export type CostModelInput = {
  config: Pick<LifeboatConfig, 'deploymentModel' | 'regions'> & { components: Pick<LifeboatConfig['components'], 'frontDoor' | 'aks'> };
  pools: Partial<Record<RegionRole, AgentPoolRecord>>;
};

/** A number in [0, 1) fixed by the day and the line: the same on every run and machine. */
function seeded(...parts: string[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}

export function usageDate(day: Date): number {
  return day.getUTCFullYear() * 10000 + (day.getUTCMonth() + 1) * 100 + day.getUTCDate();
}

/** Node count billed for a day: the pool's size at the end of that day, or now for today (no pro-rating within a day). */
export function nodesOnDay(pool: AgentPoolRecord, day: Date, now: Date): number {
  const endOfDay = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1) - 1;
  const at = Math.min(endOfDay, now.getTime());
  let count = pool.countHistory[0]?.count ?? pool.count;
  for (const change of pool.countHistory) if (Date.parse(change.at) <= at) count = change.count;
  return count;
}

function dailyCost(monthly: number, service: Service, resourceGroup: string, day: Date): number {
  const { spread, weekly } = VARIATION[service];
  const weekday = day.getUTCDay();
  const week = weekly ? (weekday === 0 || weekday === 6 ? WEEKEND : WEEKDAY) : 1;
  const jitter = 1 + spread * (2 * seeded(String(usageDate(day)), resourceGroup.toLowerCase(), service) - 1);
  return Math.round(((monthly * 12) / 365) * week * jitter * 1e6) / 1e6;
}

/** Every cost line of one UTC day: per region's resource group and service, in CAD. Zero lines are left out. */
export function costLinesForDay(input: CostModelInput, day: Date, now: Date): CostLine[] {
  const { config, pools } = input;
  const lines: CostLine[] = [];
  const add = (resourceGroup: string, location: string, service: Service, monthly: number) => {
    if (monthly > 0) lines.push({ resourceGroup: resourceGroup.toLowerCase(), location, serviceName: service, cost: dailyCost(monthly, service, resourceGroup, day) });
  };
  for (const role of ['primary', 'secondary'] as const) {
    const resourceGroup = config.components.aks[role].resourceGroup;
    const location = config.regions[role].name;
    const pool = pools[role];
    add(resourceGroup, location, 'Virtual Machines', (pool ? nodesOnDay(pool, day, now) : 0) * NODE_MONTHLY);
    const rates = role === 'primary' ? PRIMARY : SECONDARY[config.deploymentModel];
    for (const [service, monthly] of Object.entries(rates) as [Exclude<Service, 'Virtual Machines'>, number][]) add(resourceGroup, location, service, monthly);
  }
  add(config.components.frontDoor.resourceGroup, 'global', 'Azure Front Door Service', FRONT_DOOR_MONTHLY);
  return lines;
}
