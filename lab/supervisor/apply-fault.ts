import { z } from 'zod';
import { DEFAULT_GEO_LAG_SECONDS } from '../blob/geo-replication';
import type { RegionKey } from '../lab-topology';
import { LAB_COMPONENTS, REGIONAL_COMPONENTS, type LabEntry } from './lab-entry';
import type { Lab } from './start-lab';

/** Every fault switch, as the CLI (`npm run lab -- fault <name> [args]`) and the control API take it. */
export const FAULTS = {
  'region-down': 'take a whole region down: <primary|secondary|region name>',
  'region-up': 'bring a region back: <primary|secondary|region name>',
  stop: 'stop one component: <component> [region]',
  start: 'start one component again: <component> [region]',
  latency: 'add latency to a component: <component> <ms> [region]',
  'arm-fail': 'make the next N ARM calls fail: <n> <429|500>',
  'corrupt-snapshot': 'damage the newest Qdrant snapshot file: [region] [collection]',
  'geo-pause': 'pause Blob geo-replication: the -secondary stats report unavailable',
  'geo-resume': 'resume Blob geo-replication',
  'geo-lag': 'set Blob geo-replication lag: <seconds>',
  'keyvault-drift': 'make the two Key Vaults differ',
} as const;
export type FaultName = keyof typeof FAULTS;

export const FaultRequest = z.object({ name: z.enum(Object.keys(FAULTS) as [FaultName, ...FaultName[]]), args: z.array(z.string()).default([]) });
export type FaultRequest = z.infer<typeof FaultRequest>;

function regionKey(lab: Lab, value: string | undefined): RegionKey {
  if (value === 'primary' || value === 'secondary') return value;
  if (value === lab.regions.primary) return 'primary';
  if (value === lab.regions.secondary) return 'secondary';
  throw new Error(`unknown region "${value ?? ''}": use primary, secondary, ${lab.regions.primary} or ${lab.regions.secondary}`);
}

function pick(lab: Lab, component: string | undefined, region: string | undefined): LabEntry[] {
  if (!component || !(LAB_COMPONENTS as readonly string[]).includes(component)) throw new Error(`unknown component "${component ?? ''}": one of ${LAB_COMPONENTS.join(', ')}`);
  const regional = (REGIONAL_COMPONENTS as readonly string[]).includes(component);
  const key = regional && region ? regionKey(lab, region) : null;
  return lab.entries.filter((e) => e.component === component && (!key || e.region === key));
}

function count(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number (got "${value ?? ''}")`);
  return n;
}

/** Applies one fault and returns a line saying what changed. */
export async function applyFault(lab: Lab, { name, args }: FaultRequest): Promise<string> {
  switch (name) {
    case 'region-down':
    case 'region-up': {
      const key = regionKey(lab, args[0]);
      const targets = lab.entries.filter((e) => e.region === key);
      for (const target of targets) await target.setDown(name === 'region-down');
      return `${name === 'region-down' ? 'down' : 'up'}: ${targets.map((e) => e.name).join(', ')}`;
    }
    case 'stop':
    case 'start': {
      const targets = pick(lab, args[0], args[1]);
      for (const target of targets) await target.setDown(name === 'stop');
      return `${name === 'stop' ? 'stopped' : 'started'}: ${targets.map((e) => e.name).join(', ')}`;
    }
    case 'latency': {
      const ms = count(args[1], 'latency in ms');
      const targets = pick(lab, args[0], args[2]);
      for (const target of targets) {
        if (!target.setLatency) throw new Error(`${target.name} has no latency switch`);
        target.setLatency(ms);
      }
      return `latency ${ms} ms: ${targets.map((e) => e.name).join(', ')}`;
    }
    case 'arm-fail': {
      const n = count(args[0], 'number of calls');
      const status = Number(args[1] ?? 500);
      if (status !== 429 && status !== 500) throw new Error('status must be 429 or 500');
      lab.arm.failNextCalls(n, status);
      return `the next ${n} ARM calls answer ${status}`;
    }
    case 'corrupt-snapshot': {
      const key = regionKey(lab, args[0] ?? 'primary');
      const file = await lab.qdrant[key].corruptNewestSnapshot(args[1]);
      return file ? `corrupted ${file}` : 'no snapshot to corrupt yet';
    }
    case 'geo-pause':
      lab.blob.pauseGeoReplication();
      return 'Blob geo-replication paused';
    case 'geo-resume':
      lab.blob.resumeGeoReplication();
      return 'Blob geo-replication resumed';
    case 'geo-lag': {
      const seconds = count(args[0], 'lag in seconds');
      lab.blob.setGeoLag(seconds);
      return `Blob geo-replication lag ${seconds} s`;
    }
    case 'keyvault-drift':
      lab.keyVault.primary.drift();
      return 'the Key Vaults now differ';
  }
}

/** Undoes every fault: everything up, no latency, replication live, vaults equal. */
export async function healLab(lab: Lab): Promise<string> {
  for (const target of lab.entries) {
    if (target.isDown()) await target.setDown(false);
    target.setLatency?.(0);
  }
  lab.blob.resumeGeoReplication();
  lab.blob.setGeoLag(DEFAULT_GEO_LAG_SECONDS);
  lab.keyVault.primary.heal();
  lab.keyVault.secondary.heal();
  return 'healed: every service up, no latency, geo-replication live, vaults equal';
}
