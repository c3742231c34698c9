import type { Component, ProbeRegion } from '@/lib/domain/probe-results';

/** One hour of one target's samples, kept for 400 days after the raw samples are gone. */
export type ProbeRollupRow = {
  hour: Date;
  component: Component;
  region: ProbeRegion;
  target: string;
  samples: number;
  okSamples: number;
  avgLatencyMs: number | null;
  maxLatencyMs: number | null;
  /** The worst data age in the hour: Blob geo lag, Qdrant newest-snapshot age, Redis newest-backup age. */
  lagSecondsMax: number | null;
};
