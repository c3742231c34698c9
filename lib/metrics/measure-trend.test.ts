import { describe, expect, it } from 'vitest';
import { measureTrend, movingAverage } from './measure-trend';

describe('measureTrend', () => {
  it('compares the mean of the last 4 with the 4 before, and judges the recent ones against the objective', () => {
    const trend = measureTrend([3000, 3200, 2800, 3000, 1800, 2000, 2200, 2000], 3600);
    expect(trend).toEqual({
      objectiveSeconds: 3600,
      recent: { count: 4, meanSeconds: 2000, worstSeconds: 2200 },
      previous: { count: 4, meanSeconds: 3000, worstSeconds: 3200 },
      direction: 'better',
      recentWithinObjective: true,
    });
  });

  it('says worse, steady within 5 %, and over the objective when any recent event was', () => {
    expect(measureTrend([1000, 1000, 4000, 1200], 3600, 2)).toMatchObject({ direction: 'worse', recentWithinObjective: false });
    expect(measureTrend([1000, 1000, 1040, 1000], 3600, 2).direction).toBe('steady');
  });

  it('cannot compare with fewer than one window behind, and knows nothing without measurements', () => {
    expect(measureTrend([900, 1200], 3600)).toMatchObject({ recent: { count: 2, meanSeconds: 1050 }, previous: null, direction: 'unknown', recentWithinObjective: true });
    expect(measureTrend([], 3600)).toEqual({ objectiveSeconds: 3600, recent: null, previous: null, direction: 'unknown', recentWithinObjective: null });
  });
});

describe('movingAverage', () => {
  it('averages the last 4 at each point, fewer at the start', () => {
    expect(movingAverage([4, 8, 6, 2, 10])).toEqual([4, 6, 6, 5, 6.5]);
  });
});
