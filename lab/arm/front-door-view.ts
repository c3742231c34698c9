/** One origin of the active origin group, as the Front Door data plane routes to it. */
export interface FrontDoorOriginView {
  name: string;
  hostName: string;
  httpPort: number;
  priority: number;
  weight: number;
  enabled: boolean;
}

/** The origin group's health probe, as Front Door runs it. */
export interface FrontDoorProbeView {
  path: string;
  intervalSeconds: number;
  protocol: 'Http' | 'Https';
}

/** The origin group the route currently forwards to, with its origins and probe. */
export interface ActiveOriginGroupView {
  name: string;
  origins: FrontDoorOriginView[];
  probe: FrontDoorProbeView;
}

/**
 * What the Front Door data-plane proxy reads from the ARM emulator, in-process.
 * activeOriginGroup() reflects only completed (Succeeded) ARM operations; onChange
 * fires after each such change and returns an unsubscribe function.
 */
export interface FrontDoorView {
  activeOriginGroup(): ActiveOriginGroupView;
  onChange(listener: () => void): () => void;
}
