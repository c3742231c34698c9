import { describe, expect, it } from 'vitest';
import { coolTierHint } from './cool-tier-hint';
import { pickCostBasis } from './cost-basis';
import type { CostLine, CostMonth } from './cost-line';
import { reservedInstanceHint } from './reserved-instance-hint';
import { scaleToZeroHint } from './scale-to-zero-hint';
import { secondaryServingIntervals, servingHoursWithin } from './secondary-serving-hours';

const GIB = 1024 ** 3;
const line = (role: CostLine['role'], service: string, amount: number): CostLine => ({ role, region: role === 'primary' ? 'canadacentral' : 'canadaeast', resourceGroup: `rg-${role}`, service, amount, currency: 'CAD' });
const month = (name: string, lines: CostLine[], fetchedAt = new Date('2026-03-10T06:30:00Z')): CostMonth => ({ month: name, source: 'cost-management', currency: 'CAD', fetchedAt, lines });
const FEBRUARY = month('2026-02', [line('primary', 'Virtual Machines', 1200), line('secondary', 'Virtual Machines', 600), line('primary', 'Storage', 165)]);
const MARCH_TO_DATE = month('2026-03', [line('primary', 'Virtual Machines', 400), line('secondary', 'Virtual Machines', 100)]);
const NOW = new Date('2026-03-10T12:00:00Z');

describe('the basis month', () => {
  it('is the newest complete month, else the current month projected to a whole month', () => {
    expect(pickCostBasis([FEBRUARY, MARCH_TO_DATE])).toMatchObject({ month: FEBRUARY, projectionFactor: 1, from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
    const projected = pickCostBasis([MARCH_TO_DATE]);
    // Ten days billed by the fetch (today's usage so far counts); the hours covered end at the fetch.
    expect(projected).toMatchObject({ month: MARCH_TO_DATE, from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-10T06:30:00Z') });
    expect(projected?.projectionFactor).toBeCloseTo(31 / 10, 10);
    expect(pickCostBasis([])).toBeNull();
  });

  it('judges a month complete as of its fetch: one fetched mid-month stays partial after the month ends', () => {
    const februaryFetchedEarly = month('2026-02', FEBRUARY.lines, new Date('2026-02-14T06:30:00Z'));
    expect(pickCostBasis([februaryFetchedEarly])).toMatchObject({ month: februaryFetchedEarly, projectionFactor: 28 / 14 });
  });
});

describe('reserved instances', () => {
  it('saves the configured percentage of the compute lines only', () => {
    const basis = pickCostBasis([FEBRUARY, MARCH_TO_DATE]);
    if (!basis) throw new Error('no basis');
    const hint = reservedInstanceHint(basis, ['Virtual Machines'], { oneYearPercent: 40, threeYearPercent: 60 });
    expect(hint.computeCents).toEqual({ primary: 120_000, secondary: 60_000, all: 180_000 });
    expect(hint.oneYear).toEqual({ percent: 40, savingsCents: 72_000 });
    expect(hint.threeYear).toEqual({ percent: 60, savingsCents: 108_000 });
  });

  it('projects a month-to-date basis to a whole month', () => {
    const basis = pickCostBasis([MARCH_TO_DATE]);
    if (!basis) throw new Error('no basis');
    // 500 over 10 days of 31 → 1,550 a month.
    expect(reservedInstanceHint(basis, ['Virtual Machines'], { oneYearPercent: 40, threeYearPercent: 60 }).oneYear.savingsCents).toBe(62_000);
  });
});

describe('Cool tier', () => {
  it('moves the bytes actually stored, except the newest snapshot of each collection, at the Hot − Cool price', () => {
    const stored = [
      { target: 'documents', bytes: 2 * GIB, at: new Date('2026-03-01T02:00:00Z') },
      { target: 'documents', bytes: 3 * GIB, at: new Date('2026-03-02T02:00:00Z') },
      { target: 'documents', bytes: 4 * GIB, at: new Date('2026-03-03T02:00:00Z') },
      { target: 'faq', bytes: GIB, at: new Date('2026-03-03T02:00:00Z') },
    ];
    // documents 2 + 3 GiB move; the 4 GiB one and faq stay Hot. 5 × (0.044 − 0.01) = 0.17.
    expect(coolTierHint(stored, { hot: 0.044, cool: 0.01 })).toEqual({ snapshots: 2, keptHot: 2, bytes: 5 * GIB, hotPerGbMonth: 0.044, coolPerGbMonth: 0.01, monthlySavingsCents: 17 });
    // 1 TiB besides the newest at the plan's figures: 1,024 × (0.018 − 0.01) = 8.19.
    expect(coolTierHint([...stored.slice(0, 1), { target: 'documents', bytes: 1024 * GIB, at: new Date('2026-02-01T00:00:00Z') }], { hot: 0.018, cool: 0.01 }).monthlySavingsCents).toBe(819);
    expect(coolTierHint([], { hot: 0.044, cool: 0.01 })).toMatchObject({ bytes: 0, monthlySavingsCents: 0 });
  });
});

describe('scale to zero', () => {
  const basis = pickCostBasis([FEBRUARY]);
  if (!basis) throw new Error('no basis');
  const at = (iso: string) => new Date(iso);

  it('saves the idle share of the secondary compute: hours without traffic from failover → failback and drills', () => {
    const runs = [
      { kind: 'failover', servingAt: at('2026-02-10T00:00:00Z'), finishedAt: at('2026-02-10T00:05:00Z') },
      { kind: 'failback', servingAt: at('2026-02-11T00:00:00Z'), finishedAt: at('2026-02-11T00:10:00Z') },
      { kind: 'drill', servingAt: at('2026-02-20T10:00:00Z'), finishedAt: at('2026-02-20T22:00:00Z') },
    ];
    const hint = scaleToZeroHint({ basis, computeServices: ['Virtual Machines'], deploymentModel: 'warm', runs, now: NOW });
    // February: 672 h; the secondary served 24 h + 12 h; 636 idle × 600 / 672.
    expect(hint).toMatchObject({ applicable: true, hoursCovered: 672, servingHours: 36, idleHours: 636, secondaryComputeCents: 60_000, monthlySavingsCents: Math.round((60_000 * 636) / 672) });
  });

  it('counts a failover still serving until the end of the period, and a failover from before it', () => {
    const open = [{ kind: 'failover', servingAt: at('2026-01-20T00:00:00Z'), finishedAt: at('2026-01-20T00:05:00Z') }];
    expect(scaleToZeroHint({ basis, computeServices: ['Virtual Machines'], deploymentModel: 'warm', runs: open, now: NOW })).toMatchObject({ servingHours: 672, idleHours: 0, monthlySavingsCents: 0 });
  });

  it('does not apply to active-active, whose secondary always serves', () => {
    expect(scaleToZeroHint({ basis, computeServices: ['Virtual Machines'], deploymentModel: 'active-active', runs: [], now: NOW })).toMatchObject({ applicable: false, idleHours: 0, monthlySavingsCents: 0 });
  });

  it('counts overlapping serving intervals once', () => {
    const intervals = secondaryServingIntervals(
      [
        { kind: 'drill', servingAt: at('2026-02-01T00:00:00Z'), finishedAt: at('2026-02-01T02:00:00Z') },
        { kind: 'drill', servingAt: at('2026-02-01T01:00:00Z'), finishedAt: at('2026-02-01T03:00:00Z') },
      ],
      NOW,
    );
    expect(servingHoursWithin(intervals, at('2026-02-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toBe(3);
  });
});
