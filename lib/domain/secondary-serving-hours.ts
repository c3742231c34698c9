/** A finished runbook run that moved traffic: failover/failback switch the serving region; a drill serves from the secondary while it runs. */
export type TrafficRun = { kind: string; servingAt: Date | null; finishedAt: Date | null };

const HOUR_MS = 60 * 60 * 1000;

/** Intervals in which the secondary served traffic, from the runs (oldest first). An open failover lasts until `until`. */
export function secondaryServingIntervals(runs: readonly TrafficRun[], until: Date): { from: Date; to: Date }[] {
  const intervals: { from: Date; to: Date }[] = [];
  let openSince: Date | null = null;
  const sorted = [...runs].filter((run) => run.servingAt ?? run.finishedAt).sort((a, b) => (a.servingAt ?? a.finishedAt ?? until).getTime() - (b.servingAt ?? b.finishedAt ?? until).getTime());
  for (const run of sorted) {
    const at = run.servingAt ?? run.finishedAt ?? until;
    if (run.kind === 'failover') openSince ??= at;
    else if (run.kind === 'failback' && openSince) {
      intervals.push({ from: openSince, to: at });
      openSince = null;
    } else if (run.kind === 'drill') intervals.push({ from: at, to: run.finishedAt ?? until });
  }
  if (openSince) intervals.push({ from: openSince, to: until });
  return intervals;
}

/** Hours within [from, to) in which the secondary served; overlapping intervals count once. */
export function servingHoursWithin(intervals: readonly { from: Date; to: Date }[], from: Date, to: Date): number {
  const clipped = intervals
    .map((interval) => ({ from: Math.max(interval.from.getTime(), from.getTime()), to: Math.min(interval.to.getTime(), to.getTime()) }))
    .filter((interval) => interval.to > interval.from)
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let reached = -Infinity;
  for (const interval of clipped) {
    const start = Math.max(interval.from, reached);
    if (interval.to > start) total += interval.to - start;
    reached = Math.max(reached, interval.to);
  }
  return total / HOUR_MS;
}
