import { describe, expect, it } from 'vitest';
import { readCronExpression, type CronSchedule } from '@/lib/config/cron-expression';
import { measureThroughputMBps } from './measure-throughput';
import { nextCronRun } from './next-cron-run';

function schedule(expression: string): CronSchedule {
  const reading = readCronExpression(expression);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.schedule;
}

describe('nextCronRun', () => {
  it('finds the next firing later today, strictly after the current minute', () => {
    expect(nextCronRun(schedule('*/5 * * * *'), new Date('2026-11-24T10:03:20Z'))?.toISOString()).toBe('2026-11-24T10:05:00.000Z');
    expect(nextCronRun(schedule('*/5 * * * *'), new Date('2026-11-24T10:05:00Z'))?.toISOString()).toBe('2026-11-24T10:10:00.000Z');
    expect(nextCronRun(schedule('2-59/5 * * * *'), new Date('2026-11-24T10:03:20Z'))?.toISOString()).toBe('2026-11-24T10:07:00.000Z');
  });

  it('rolls over to the first firing of the next day', () => {
    expect(nextCronRun(schedule('0 3 * * *'), new Date('2026-11-24T10:00:00Z'))?.toISOString()).toBe('2026-11-25T03:00:00.000Z');
    expect(nextCronRun(schedule('45 * * * *'), new Date('2026-12-31T23:50:00Z'))?.toISOString()).toBe('2027-01-01T00:45:00.000Z');
  });

  it('does not guess for schedules that skip days', () => {
    expect(nextCronRun(schedule('0 3 * * 1'), new Date('2026-11-24T10:00:00Z'))).toBeNull();
  });
});

describe('measureThroughputMBps', () => {
  it('is bytes over the whole duration, and unknown rather than infinite or zero', () => {
    expect(measureThroughputMBps(50_000_000, 2_000)).toBe(25);
    expect(measureThroughputMBps(null, 2_000)).toBeNull();
    expect(measureThroughputMBps(10, 0)).toBeNull();
    expect(measureThroughputMBps(0, 100)).toBeNull();
  });
});
