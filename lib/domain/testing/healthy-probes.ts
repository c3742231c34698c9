import type { Component, ProbeMetrics, ProbeRegion, ProbeResult } from '../probe-results';

export const MINUTE = 60_000;
export const NOW = new Date('2026-11-24T12:00:00.000Z');
export const ago = (ms: number, from: Date = NOW) => new Date(from.getTime() - ms);

function probe<C extends Component>(component: C, region: ProbeRegion, target: string, at: Date, metrics: ProbeMetrics[C]): ProbeResult<C> {
  return { component, region, target, at, ok: true, latencyMs: 5, error: null, metrics };
}

/** A failed probe as the adapters report one: ok=false, an error, no metrics. */
export function failed<C extends Component>(result: ProbeResult<C>, error = 'connect ECONNREFUSED 127.0.0.1:7002'): ProbeResult<C> {
  return { ...result, ok: false, error, metrics: null, latencyMs: null };
}

/** A full, healthy lab cycle taken at `at`: every component in both regions plus Front Door and Blob. */
export function healthyProbes(at: Date = ago(5_000)): ProbeResult[] {
  const regional = (region: 'primary' | 'secondary'): ProbeResult[] => [
    probe('app', region, '-', at, { status: 'ok', httpStatus: 200 }),
    probe('aks', region, `aks-rag-${region}/userpool`, at, { nodeCount: region === 'primary' ? 6 : 3, powerState: 'Running', provisioningState: 'Succeeded' }),
    probe('qdrant', region, '-', at, { ready: true, collections: [{ name: 'documents', points: 3000 }], newestSnapshot: { name: 'documents-1.snapshot', createdAt: ago(20 * MINUTE, at).toISOString() } }),
    probe('redis', region, '-', at, { pingMs: 0.4, usedMemoryBytes: 2_097_152, keys: 500, newestBackupAt: ago(10 * MINUTE, at).toISOString() }),
    probe('keyvault', region, '-', at, { secrets: [{ name: 'qdrant-api-key', version: 'v1' }, { name: 'redis-password', version: 'v2' }] }),
    probe('openai', region, '-', at, { deployments: 2 }),
  ];
  return [
    ...regional('primary'),
    ...regional('secondary'),
    probe('frontdoor', 'global', 'default-route', at, {
      route: 'default-route',
      activeOriginGroup: 'og-canadacentral',
      servingRegion: 'primary',
      origins: [
        { name: 'origin-canadacentral', originGroup: 'og-canadacentral', region: 'primary', priority: 1, weight: 1000, enabled: true, healthy: true, healthLatencyMs: 3 },
        { name: 'origin-canadaeast', originGroup: 'og-canadacentral', region: 'secondary', priority: 2, weight: 1000, enabled: true, healthy: true, healthLatencyMs: 4 },
      ],
    }),
    probe('blob', 'global', 'devstoreaccount1', at, { geoStatus: 'live', lastSyncTime: ago(7_000, at).toISOString(), lagSeconds: 7 }),
  ];
}

/** Replaces the matching result(s) of `probes` through `change`. */
export function withProbe<C extends Component>(probes: readonly ProbeResult[], component: C, region: ProbeRegion, change: (result: ProbeResult<C>) => ProbeResult<C> | null): ProbeResult[] {
  return probes.flatMap((result) => {
    if (result.component !== component || result.region !== region) return [result];
    const changed = change(result as ProbeResult<C>);
    return changed ? [changed] : [];
  });
}
