import { describe, expect, it } from 'vitest';
import type { CostLine, CostMonth } from './cost-line';
import { drOverheadPercent, overheadTrend } from './dr-overhead';

const line = (role: CostLine['role'], service: string, amount: number): CostLine => ({ role, region: role === 'global' ? 'global' : role === 'primary' ? 'canadacentral' : 'canadaeast', resourceGroup: `rg-${role}`, service, amount, currency: 'CAD' });
const month = (name: string, lines: CostLine[]): CostMonth => ({ month: name, source: 'cost-model', currency: 'CAD', fetchedAt: new Date('2026-03-10T06:30:00Z'), lines });

describe('DR overhead', () => {
  it("is the secondary's cost as a percentage of the primary's: the plan's warm standby is 34 %", () => {
    expect(drOverheadPercent(379_500, 129_000)).toBeCloseTo(33.992, 3);
    expect(drOverheadPercent(100_000, 190_000)).toBe(190);
    expect(drOverheadPercent(0, 5_000)).toBeNull();
  });

  it('trends month by month, oldest first, leaving shared services out of both sides', () => {
    const trend = overheadTrend([
        month('2026-03', [line('primary', 'Virtual Machines', 600), line('secondary', 'Virtual Machines', 150), line('global', 'Azure Front Door Service', 48)]),
        month('2026-01', [line('primary', 'Virtual Machines', 1200), line('primary', 'Storage', 165.004), line('secondary', 'Virtual Machines', 600)]),
        month('2026-02', [line('secondary', 'Storage', 10)]),
    ]);
    expect(trend.map((point) => point.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(trend[0]).toEqual({ month: '2026-01', complete: true, primaryCents: 136_500, secondaryCents: 60_000, percent: (60_000 / 136_500) * 100 });
    expect(trend[1]).toMatchObject({ complete: true, primaryCents: 0, percent: null });
    expect(trend[2]).toMatchObject({ complete: false, primaryCents: 60_000, secondaryCents: 15_000, percent: 25 });
  });
});
