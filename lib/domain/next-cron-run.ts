import type { CronSchedule } from '@/lib/config/cron-expression';

const DAY_MS = 86_400_000;

/**
 * The next time (UTC, whole minute) a schedule that runs every day fires after `now`; null for
 * schedules that skip days, which this light reading does not work out.
 */
export function nextCronRun(schedule: CronSchedule, now: Date): Date | null {
  if (schedule.runsEveryDay !== true || schedule.timesOfDay.length === 0) return null;
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const minuteNow = Math.floor((now.getTime() - midnight) / 60_000);
  const later = schedule.timesOfDay.find((minute) => minute > minuteNow);
  return later === undefined ? new Date(midnight + DAY_MS + (schedule.timesOfDay[0] ?? 0) * 60_000) : new Date(midnight + later * 60_000);
}
