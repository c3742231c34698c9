import type { Component, ProbeRegion, ProbeResult } from './probe-results';

/** The results of one component in one region (one per target), typed by component. */
export function probesOf<C extends Component>(latest: readonly ProbeResult[], component: C, region: ProbeRegion): ProbeResult<C>[] {
  return latest.filter((result): result is ProbeResult<C> => result.component === component && result.region === region);
}
