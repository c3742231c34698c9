import { describe, expect, it } from 'vitest';
import { longestGapMinutes, readCronExpression } from './cron-expression';

function gapOf(expression: string): number | undefined {
  const reading = readCronExpression(expression);
  if (!reading.ok) throw new Error(reading.problem);
  return longestGapMinutes(reading.schedule);
}

function problemOf(expression: string): string | undefined {
  const reading = readCronExpression(expression);
  return reading.ok ? undefined : reading.problem;
}

describe('readCronExpression', () => {
  it.each(['* * * * *', '0 * * * *', '*/15 * * * *', '5-59/15 * * * *', '0 2 * * MON-FRI', '0 0 1 JAN,jul *', '30 0 * * * *', '0 3 ? * 7', '@hourly', '@daily'])(
    'accepts %s',
    (expression) => {
      expect(problemOf(expression)).toBeUndefined();
    },
  );

  it.each([
    ['0 25 * * *', 'hour "25" is out of range 0-23'],
    ['60 * * * *', 'minute "60" is out of range 0-59'],
    ['* * *', 'expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 3'],
    ['*/0 * * * *', 'minute step "/0" must be a positive whole number'],
    ['30-10 * * * *', 'minute range "30-10" runs backwards'],
    ['? * * * *', '"?" is only allowed in the day-of-month and day-of-week fields'],
    ['0 0 L * *', 'day of month "L" uses L, W or #, which Lifeboat schedules do not accept'],
    ['0 0 * * FUNDAY', 'day of week "FUNDAY" is not a number or a name'],
    ['@often', 'unknown nickname "@often" (use @hourly, @daily, @weekly, @monthly or @yearly)'],
  ])('rejects %s: %s', (expression, problem) => {
    expect(problemOf(expression)).toBe(problem);
  });
});

describe('longestGapMinutes', () => {
  it('measures schedules that run every day exactly, across midnight too', () => {
    expect(gapOf('*/15 * * * *')).toBe(15);
    expect(gapOf('0 * * * *')).toBe(60);
    expect(gapOf('5,50 * * * *')).toBe(45);
    expect(gapOf('0 2 * * *')).toBe(1440);
    expect(gapOf('0 8-20 * * *')).toBe(12 * 60);
    expect(gapOf('*/10 * * * * *')).toBe(1);
  });

  it('gives at least a day when some days are skipped', () => {
    expect(gapOf('0 * * * 1-5')).toBeGreaterThanOrEqual(1440);
    expect(gapOf('0 0 1 * *')).toBeGreaterThanOrEqual(1440);
    expect(gapOf('0 * * 1-6 *')).toBeGreaterThanOrEqual(1440);
  });

  it('counts 7 as Sunday and a full week as every day', () => {
    expect(gapOf('0 * * * 1-7')).toBe(60);
  });

  it('does not guess when both day fields are restricted (cron ORs them)', () => {
    expect(gapOf('0 * 1 * 1')).toBeUndefined();
  });
});
