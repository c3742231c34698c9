import { describe, expect, it } from 'vitest';
import { toLagSeries } from './to-lag-series';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
const empty = { samples: [], rollups: [], truncated: false };
const byTime = (series: ReturnType<typeof toLagSeries>) => new Map(series.points.map((point) => [point.at, point.qdrant]));

describe('toLagSeries, Qdrant from the restores into the secondary', () => {
  it('per 5-minute bucket, the worst age of the data the secondary held: growing until each restore', () => {
    // Restores at T-20 (data from T-22) and T-10 (data from T-12).
    const restores = [
      { collection: 'documents', finishedAt: at(20), snapshotCreatedAt: at(22) },
      { collection: 'documents', finishedAt: at(10), snapshotCreatedAt: at(12) },
    ];
    const series = byTime(toLagSeries({ blob: empty, qdrant: empty, redis: empty, restores }, '24h', NOW));
    // Before the first restore in the window nothing was known.
    expect(series.get(at(25).toISOString())).toBeNull();
    // 11:40–11:45 begins with the first restore: worst at the bucket's end, 7 min after its data.
    expect(series.get(at(20).toISOString())).toBe(7 * 60);
    // 11:45–11:50: still that data, 12 min old by the bucket's end.
    expect(series.get(at(15).toISOString())).toBe(12 * 60);
    // 11:50–11:55: just before the second restore it was 12 min old; after it, fresher.
    expect(series.get(at(10).toISOString())).toBe(12 * 60);
    // The current bucket is measured now: 12 min after the data of T-12.
    expect(series.get(NOW.toISOString())).toBe(12 * 60);
  });

  it('takes the worst collection, and falls back to the primary probes when nothing was ever restored', () => {
    const restores = [
      { collection: 'documents', finishedAt: at(6), snapshotCreatedAt: at(7) },
      { collection: 'faq', finishedAt: at(6), snapshotCreatedAt: at(40) },
    ];
    expect(byTime(toLagSeries({ blob: empty, qdrant: empty, redis: empty, restores }, '24h', NOW)).get(NOW.toISOString())).toBe(40 * 60);
    const sample = { id: '1', cycleId: 'c', component: 'qdrant' as const, region: 'primary' as const, target: '-', at: at(1), ok: true, latencyMs: 3, error: null, metrics: { ready: true, collections: [], newestSnapshot: { name: 's', createdAt: at(4).toISOString() } } };
    const fallback = toLagSeries({ blob: empty, qdrant: { samples: [sample], rollups: [], truncated: false }, redis: empty, restores: [] }, '24h', NOW);
    expect(byTime(fallback).get(at(5).toISOString())).toBe(3 * 60);
  });
});
