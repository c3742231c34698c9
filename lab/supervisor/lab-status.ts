import type { Lab } from './start-lab';

export type LabStatus = {
  ready: boolean;
  pid: number;
  startedAt: string;
  services: { name: string; component: string; region: string | null; url: string; state: 'up' | 'down' }[];
  faults: string[];
  seed: { points: number; redisKeys: number } | null;
};

export function describeLab(lab: Lab, extra: { ready: boolean; startedAt: string; faults: string[]; seed: LabStatus['seed'] }): LabStatus {
  return {
    ready: extra.ready,
    pid: process.pid,
    startedAt: extra.startedAt,
    services: lab.entries.map((e) => ({ name: e.name, component: e.component, region: e.region ? lab.regions[e.region] : null, url: e.url, state: e.isDown() ? 'down' : 'up' })),
    faults: extra.faults,
    seed: extra.seed,
  };
}
