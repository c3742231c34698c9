import { describeDuration } from './describe-duration';
import { keyVaultDrift } from './key-vault-drift';
import { measureAge } from './measure-age';
import type { Component, ProbeRegion, ProbeResult } from './probe-results';
import { probesOf } from './probes-of';
import type { ComponentTile } from './readiness-types';

type State = ComponentTile['state'];
type Judgement = { state: State; summary: string };

/** The board's grid, in display order: the regional components per region, then what spans both. */
export const TILE_LAYOUT: readonly { component: Component; region: ProbeRegion }[] = [
  ...(['primary', 'secondary'] as const).flatMap((region) => (['app', 'aks', 'qdrant', 'redis', 'keyvault', 'openai'] as const).map((component) => ({ component, region }))),
  { component: 'frontdoor', region: 'global' },
  { component: 'blob', region: 'global' },
];

const RANK: Record<State, number> = { ok: 0, unknown: 1, warn: 2, bad: 3 };
const worse = (a: State, b: State): State => (RANK[b] > RANK[a] ? b : a);
const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** What one healthy probe's metrics say, beyond ok/failed. */
function judgeMetrics(probe: ProbeResult, latest: readonly ProbeResult[], now: Date): Judgement {
  switch (probe.component) {
    case 'qdrant': {
      const m = (probe as ProbeResult<'qdrant'>).metrics;
      if (!m) return { state: 'ok', summary: 'ready' };
      const points = m.collections.reduce((sum, c) => sum + (c.points ?? 0), 0);
      const snapshot = m.newestSnapshot ? ` · snapshot ${describeDuration(measureAge(new Date(m.newestSnapshot.createdAt), now).seconds)} old` : ' · no snapshot on disk';
      return { state: m.ready ? 'ok' : 'bad', summary: `${m.ready ? 'ready' : 'not ready'} · ${count(m.collections.length, 'collection')}, ${count(points, 'point')}${snapshot}` };
    }
    case 'redis': {
      const m = (probe as ProbeResult<'redis'>).metrics;
      if (!m) return { state: 'ok', summary: 'answers ping' };
      return { state: 'ok', summary: `ping ${m.pingMs.toFixed(1)} ms · ${count(m.keys, 'key')} · ${(m.usedMemoryBytes / 1_048_576).toFixed(1)} MiB` };
    }
    case 'app': {
      const m = (probe as ProbeResult<'app'>).metrics;
      if (!m) return { state: 'ok', summary: 'healthy' };
      return { state: m.status === 'ok' ? 'ok' : m.status === 'degraded' ? 'warn' : 'bad', summary: `${m.status}${m.httpStatus === null ? '' : ` (HTTP ${m.httpStatus})`}` };
    }
    case 'aks': {
      const m = (probe as ProbeResult<'aks'>).metrics;
      if (!m) return { state: 'ok', summary: 'reachable' };
      const state: State = m.powerState !== 'Running' || m.provisioningState === 'Failed' ? 'bad' : m.nodeCount === 0 ? 'warn' : 'ok';
      return { state, summary: `${m.powerState} · ${count(m.nodeCount, 'node')}${m.provisioningState === 'Succeeded' ? '' : ` · ${m.provisioningState}`}` };
    }
    case 'openai': {
      const m = (probe as ProbeResult<'openai'>).metrics;
      return { state: m && m.deployments === 0 ? 'warn' : 'ok', summary: m ? count(m.deployments, 'deployment') : 'reachable' };
    }
    case 'keyvault': {
      const m = (probe as ProbeResult<'keyvault'>).metrics;
      if (!m) return { state: 'ok', summary: 'reachable' };
      const other = probesOf(latest, 'keyvault', probe.region === 'primary' ? 'secondary' : 'primary')[0]?.metrics;
      const drift = other ? (probe.region === 'primary' ? keyVaultDrift(m, other) : keyVaultDrift(other, m)) : null;
      if (drift && drift.count > 0) return { state: 'warn', summary: `${count(m.secrets.length, 'secret')} · ${drift.count} differ from the other vault` };
      return { state: 'ok', summary: `${count(m.secrets.length, 'secret')}${drift ? ' · same as the other vault' : ''}` };
    }
    case 'blob': {
      const m = (probe as ProbeResult<'blob'>).metrics;
      if (!m) return { state: 'ok', summary: 'reachable' };
      const lag = m.lastSyncTime ? ` · last sync ${describeDuration(measureAge(new Date(m.lastSyncTime), now).seconds)} ago` : '';
      return { state: m.geoStatus === 'live' ? 'ok' : m.geoStatus === 'bootstrap' ? 'warn' : 'bad', summary: `geo-replication ${m.geoStatus}${lag}` };
    }
    case 'frontdoor': {
      const m = (probe as ProbeResult<'frontdoor'>).metrics;
      if (!m) return { state: 'ok', summary: 'reachable' };
      if (m.servingRegion === null) return { state: 'bad', summary: `no healthy origin in ${m.activeOriginGroup}` };
      return { state: m.servingRegion === 'primary' ? 'ok' : 'warn', summary: `serving ${m.servingRegion} (${m.activeOriginGroup})` };
    }
  }
}

/**
 * One tile per component and region. Several targets in one tile take the worst state. A failed
 * probe is `bad`, none is `unknown`, one older than two probe intervals (or dated in the future:
 * clock skew) is at best `warn`, since it may no longer be true.
 */
export function componentTiles(latest: readonly ProbeResult[], now: Date, probeIntervalSeconds: number): ComponentTile[] {
  return TILE_LAYOUT.map(({ component, region }) => {
    const probes = probesOf(latest, component, region);
    if (probes.length === 0) return { component, region, state: 'unknown', summary: 'no probe result yet', dataAgeSeconds: null, lastProbeAt: null };
    let state: State = 'ok';
    const summaries: string[] = [];
    let oldest = 0;
    let newestAt = probes[0]?.at ?? now;
    for (const probe of probes) {
      const age = measureAge(probe.at, now);
      oldest = Math.max(oldest, age.seconds);
      if (probe.at > newestAt) newestAt = probe.at;
      const judged: Judgement = probe.ok ? judgeMetrics(probe, latest, now) : { state: 'bad', summary: probe.error ?? 'probe failed' };
      state = worse(state, judged.state);
      if (age.seconds > 2 * probeIntervalSeconds) state = worse(state, 'warn');
      if (age.skewed) state = worse(state, 'warn');
      const prefix = probes.length > 1 && probe.target !== '-' ? `${probe.target}: ` : '';
      const stale = age.seconds > 2 * probeIntervalSeconds ? ` (probed ${describeDuration(age.seconds)} ago)` : age.skewed ? ' (probe time is in the future: clock skew)' : '';
      summaries.push(`${prefix}${judged.summary}${stale}`);
    }
    return { component, region, state, summary: summaries.join('; '), dataAgeSeconds: oldest, lastProbeAt: newestAt.toISOString() };
  });
}
