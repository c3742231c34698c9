import { describe, expect, it } from 'vitest';
import { componentTiles } from './component-tiles';
import { describeDuration } from './describe-duration';
import { ago, failed, healthyProbes, MINUTE, NOW, withProbe } from './testing/healthy-probes';

const tile = (tiles: ReturnType<typeof componentTiles>, component: string, region: string) => {
  const found = tiles.find((t) => t.component === component && t.region === region);
  if (!found) throw new Error(`no tile ${component}/${region}`);
  return found;
};

describe('componentTiles', () => {
  it('shows every component in both regions plus Front Door and Blob, all ok for a healthy cycle', () => {
    const tiles = componentTiles(healthyProbes(), NOW, 15);
    expect(tiles).toHaveLength(14);
    expect(tiles.filter((t) => t.state !== 'ok')).toEqual([]);
    expect(tile(tiles, 'qdrant', 'secondary')).toEqual({
      component: 'qdrant',
      region: 'secondary',
      state: 'ok',
      summary: 'ready · 1 collection, 3,000 points · snapshot 20 min old',
      dataAgeSeconds: 5,
      lastProbeAt: ago(5_000).toISOString(),
    });
    expect(tile(tiles, 'frontdoor', 'global').summary).toBe('serving primary (og-canadacentral)');
    expect(tile(tiles, 'keyvault', 'primary').summary).toBe('2 secrets · same as the other vault');
    expect(tile(tiles, 'blob', 'global').summary).toBe('geo-replication live · last sync 12 s ago');
  });

  it('is bad for a failed or timed-out probe, unknown without one, warn when older than two intervals', () => {
    let latest = withProbe(healthyProbes(), 'app', 'primary', (r) => failed(r, 'timed out after 5000 ms'));
    latest = withProbe(latest, 'openai', 'secondary', () => null);
    latest = withProbe(latest, 'redis', 'secondary', (r) => ({ ...r, at: ago(2 * MINUTE) }));
    const tiles = componentTiles(latest, NOW, 15);
    expect(tile(tiles, 'app', 'primary')).toMatchObject({ state: 'bad', summary: 'timed out after 5000 ms' });
    expect(tile(tiles, 'openai', 'secondary')).toEqual({ component: 'openai', region: 'secondary', state: 'unknown', summary: 'no probe result yet', dataAgeSeconds: null, lastProbeAt: null });
    expect(tile(tiles, 'redis', 'secondary')).toMatchObject({ state: 'warn', dataAgeSeconds: 120, summary: 'ping 0.4 ms · 500 keys · 2.0 MiB (probed 2 min ago)' });
  });

  it('reads the metrics: a stopped cluster, paused geo-replication, vault drift, the secondary serving', () => {
    let latest = withProbe(healthyProbes(), 'aks', 'secondary', (r) => ({ ...r, metrics: { nodeCount: 3, powerState: 'Stopped', provisioningState: 'Succeeded' } }));
    latest = withProbe(latest, 'blob', 'global', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, geoStatus: 'unavailable' } } : r));
    latest = withProbe(latest, 'keyvault', 'secondary', (r) => ({ ...r, metrics: { secrets: [{ name: 'qdrant-api-key', version: 'v1' }] } }));
    latest = withProbe(latest, 'frontdoor', 'global', (r) => (r.metrics ? { ...r, metrics: { ...r.metrics, servingRegion: 'secondary' } } : r));
    const tiles = componentTiles(latest, NOW, 15);
    expect(tile(tiles, 'aks', 'secondary')).toMatchObject({ state: 'bad', summary: 'Stopped · 3 nodes' });
    expect(tile(tiles, 'blob', 'global').state).toBe('bad');
    expect(tile(tiles, 'keyvault', 'secondary')).toMatchObject({ state: 'warn', summary: '1 secret · 1 differ from the other vault' });
    expect(tile(tiles, 'keyvault', 'primary').state).toBe('warn');
    expect(tile(tiles, 'frontdoor', 'global')).toMatchObject({ state: 'warn', summary: 'serving secondary (og-canadacentral)' });
  });

  it('clamps a probe dated in the future to age 0 and warns of clock skew', () => {
    const latest = withProbe(healthyProbes(), 'app', 'secondary', (r) => ({ ...r, at: new Date(NOW.getTime() + 30_000) }));
    expect(tile(componentTiles(latest, NOW, 15), 'app', 'secondary')).toMatchObject({ state: 'warn', dataAgeSeconds: 0, summary: 'ok (HTTP 200) (probe time is in the future: clock skew)' });
  });
});

describe('describeDuration', () => {
  it('speaks in the largest sensible units', () => {
    expect([0, 45, 60, 3599, 3600, 3660, 86_400, 90_000].map(describeDuration)).toEqual(['0 s', '45 s', '1 min', '59 min', '1 h', '1 h 1 min', '1 d', '1 d 1 h']);
  });
});
