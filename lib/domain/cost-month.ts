const DAY_MS = 24 * 60 * 60 * 1000;

/** `yyyy-mm` of a time, in UTC. */
export function monthOf(time: Date): string {
  return time.toISOString().slice(0, 7);
}

function parts(month: string): { year: number; index: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new Error(`not a month (yyyy-mm): ${month}`);
  return { year: Number(match[1]), index: Number(match[2]) - 1 };
}

/** First and last UTC day of the month (midnight). */
export function monthBounds(month: string): { first: Date; last: Date } {
  const { year, index } = parts(month);
  return { first: new Date(Date.UTC(year, index, 1)), last: new Date(Date.UTC(year, index + 1, 0)) };
}

export function daysInMonth(month: string): number {
  return monthBounds(month).last.getUTCDate();
}

/** The month `count` months before `month` (negative: after). */
export function shiftMonth(month: string, count: number): string {
  const { year, index } = parts(month);
  return monthOf(new Date(Date.UTC(year, index - count, 1)));
}

/** The `count` months ending with the one `now` is in, oldest first. */
export function recentMonths(now: Date, count: number): string[] {
  const current = monthOf(now);
  return Array.from({ length: count }, (_, offset) => shiftMonth(current, count - 1 - offset));
}

/** Days of the month billed by `now` (today counts: Cost Management bills today's usage so far). */
export function daysBilled(month: string, now: Date): number {
  const { first, last } = monthBounds(month);
  if (now.getTime() < first.getTime()) return 0;
  if (now.getTime() >= last.getTime() + DAY_MS) return last.getUTCDate();
  return now.getUTCDate();
}

export function isCompleteMonth(month: string, now: Date): boolean {
  return daysBilled(month, now) === daysInMonth(month) && monthOf(now) !== month;
}
