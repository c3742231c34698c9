/** Front Door's load-balancing settings: an origin is healthy while ≥ `successfulSamplesRequired` of its last `sampleSize` probes answered 200. */
export type LoadBalancingSettings = { sampleSize: number; successfulSamplesRequired: number };

/** Azure's defaults for a new origin group (portal and ARM templates). */
export const DEFAULT_LOAD_BALANCING: LoadBalancingSettings = { sampleSize: 4, successfulSamplesRequired: 3 };

export type HealthWindow = {
  record(ok: boolean): void;
  /** True until the first probe answers, so a newly added origin takes traffic at once. */
  healthy(): boolean;
  sampled(): boolean;
};

/** The sliding window of one origin's last probe results. */
export function createHealthWindow(settings: LoadBalancingSettings): HealthWindow {
  const { sampleSize, successfulSamplesRequired } = settings;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new Error(`sampleSize must be a positive integer, got ${sampleSize}`);
  if (!Number.isInteger(successfulSamplesRequired) || successfulSamplesRequired < 1 || successfulSamplesRequired > sampleSize) {
    throw new Error(`successfulSamplesRequired must be 1..${sampleSize}, got ${successfulSamplesRequired}`);
  }
  let samples: boolean[] = [];
  return {
    record(ok) {
      // The first answer fills the window, so a lab that starts with a region down starts with it unhealthy.
      if (samples.length === 0) samples = Array.from({ length: sampleSize }, () => ok);
      else samples = [...samples.slice(1), ok];
    },
    healthy: () => samples.length === 0 || samples.filter(Boolean).length >= successfulSamplesRequired,
    sampled: () => samples.length > 0,
  };
}
