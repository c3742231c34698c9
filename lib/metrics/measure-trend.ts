/** The mean of a window of measurements, in seconds. */
export type TrendWindow = { count: number; meanSeconds: number; worstSeconds: number };

export type Trend = {
  objectiveSeconds: number;
  recent: TrendWindow | null;
  previous: TrendWindow | null;
  /** Lower is better for both RTO and RPO; `steady` within 5 % of the previous mean. */
  direction: 'better' | 'worse' | 'steady' | 'unknown';
  /** Every measurement in the recent window within the objective (null: nothing measured). */
  recentWithinObjective: boolean | null;
};

export const TREND_WINDOW = 4;
const STEADY_RATIO = 0.05;

function windowOf(values: readonly number[]): TrendWindow | null {
  if (values.length === 0) return null;
  return { count: values.length, meanSeconds: Math.round(values.reduce((sum, v) => sum + v, 0) / values.length), worstSeconds: Math.max(...values) };
}

/** "The last 4 against the previous 4" of measurements in time order, judged against the objective. */
export function measureTrend(chronological: readonly number[], objectiveSeconds: number, size = TREND_WINDOW): Trend {
  const recent = windowOf(chronological.slice(-size));
  const previous = windowOf(chronological.slice(-2 * size, -size));
  let direction: Trend['direction'] = 'unknown';
  if (recent && previous) {
    const change = recent.meanSeconds - previous.meanSeconds;
    direction = Math.abs(change) <= previous.meanSeconds * STEADY_RATIO ? 'steady' : change < 0 ? 'better' : 'worse';
  }
  return { objectiveSeconds, recent, previous, direction, recentWithinObjective: recent ? recent.worstSeconds <= objectiveSeconds : null };
}

/** The mean of the last `size` values at each position (fewer at the start): the chart's trend line. */
export function movingAverage(chronological: readonly number[], size = TREND_WINDOW): number[] {
  return chronological.map((_, index) => {
    const window = chronological.slice(Math.max(0, index - size + 1), index + 1);
    return window.reduce((sum, v) => sum + v, 0) / window.length;
  });
}
