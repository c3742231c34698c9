import type { RegionKey } from '../lab-topology';

export const LAB_COMPONENTS = ['qdrant', 'redis', 'app', 'keyvault', 'openai', 'blob', 'arm', 'frontdoor', 'oidc', 'inbox'] as const;
export type LabComponent = (typeof LAB_COMPONENTS)[number];
export const REGIONAL_COMPONENTS: readonly LabComponent[] = ['qdrant', 'redis', 'app', 'keyvault', 'openai'];

/** One running lab service, as the supervisor, the fault switches and `lab status` see it. */
export type LabEntry = {
  component: LabComponent;
  region: RegionKey | null;
  name: string;
  url: string;
  isDown(): boolean;
  setDown(down: boolean): Promise<void>;
  setLatency?(ms: number): void;
};
