import { COMPONENTS, type Component, type ProbeRegion, type ProbeResult } from '@/lib/domain/probe-results';

/** A probe result as stored: the result plus the cycle it came from. */
export type StoredProbeSample = ProbeResult & { id: string; cycleId: string };

export type ProbeSampleRow = {
  id: bigint;
  at: Date;
  cycleId: string;
  component: string;
  region: string;
  target: string;
  ok: boolean;
  latencyMs: number | null;
  error: string | null;
  metrics: unknown;
};

const REGIONS: readonly ProbeRegion[] = ['primary', 'secondary', 'global'];

/** Back to the domain shape; rows written by recordProbeSamples hold the metrics of their component. */
export function toStoredProbeSample(row: ProbeSampleRow): StoredProbeSample {
  const component = COMPONENTS.find((known) => known === row.component);
  const region = REGIONS.find((known) => known === row.region);
  if (!component || !region) throw new Error(`probe sample ${row.id} has an unknown component/region ${row.component}/${row.region}`);
  return {
    id: row.id.toString(),
    cycleId: row.cycleId,
    component: component satisfies Component,
    region,
    target: row.target,
    at: row.at,
    ok: row.ok,
    latencyMs: row.latencyMs,
    error: row.error,
    // The JSON was written from ProbeMetrics[component]; JSON null means "nothing measured".
    metrics: (row.metrics ?? null) as ProbeResult['metrics'],
  };
}
