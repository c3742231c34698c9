import { describe, expect, it } from 'vitest';
import { createGeoReplication } from './geo-replication';

const START = Date.parse('2026-11-24T10:00:00Z');

function clock() {
  let at = START;
  return { now: () => at, advance: (seconds: number) => (at += seconds * 1000) };
}

const lagOf = (geo: ReturnType<typeof createGeoReplication>, now: number) => (now - geo.stats().lastSyncTime.getTime()) / 1000;

describe('createGeoReplication', () => {
  it('keeps the lag between 0 and 15 s while live, LastSyncTime moving forward in steps', () => {
    const time = clock();
    const geo = createGeoReplication({ now: time.now });
    const seen = new Set<number>();
    let previous = 0;
    for (let second = 0; second < 120; second += 1) {
      const stats = geo.stats();
      expect(stats.status).toBe('live');
      const lag = lagOf(geo, time.now());
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThan(15);
      expect(stats.lastSyncTime.getTime()).toBeGreaterThanOrEqual(previous);
      previous = stats.lastSyncTime.getTime();
      seen.add(previous);
      time.advance(1);
    }
    expect(seen.size).toBe(8); // one sync point per 15 s over 2 minutes
  });

  it('reports unavailable with a frozen LastSyncTime while paused, then catches up on resume', () => {
    const time = clock();
    const geo = createGeoReplication({ now: time.now });
    const before = geo.stats().lastSyncTime.getTime();
    geo.pause();
    time.advance(300);
    const paused = geo.stats();
    expect(paused.status).toBe('unavailable');
    expect(paused.lastSyncTime.getTime()).toBe(before);
    geo.resume();
    const resumed = geo.stats();
    expect(resumed.status).toBe('live');
    expect(lagOf(geo, time.now())).toBeLessThan(15);
  });

  it('lets the lag grow in real time up to a larger limit, never moving LastSyncTime back', () => {
    const time = clock();
    const geo = createGeoReplication({ now: time.now });
    const frozen = geo.stats().lastSyncTime.getTime();
    geo.setLagSeconds(600);
    time.advance(120);
    expect(geo.stats().lastSyncTime.getTime()).toBe(frozen);
    expect(lagOf(geo, time.now())).toBeGreaterThanOrEqual(120);
    time.advance(3600);
    const lag = lagOf(geo, time.now());
    expect(lag).toBeGreaterThanOrEqual(585);
    expect(lag).toBeLessThanOrEqual(600);
    geo.setLagSeconds(0);
    expect(lagOf(geo, time.now())).toBe(0);
    expect(() => geo.setLagSeconds(-1)).toThrow(/≥ 0/);
  });
});
