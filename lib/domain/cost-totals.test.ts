import { describe, expect, it } from 'vitest';
import type { CostLine } from './cost-line';
import { centsOfServices, totalsByRegionAndService, totalsByRole } from './cost-totals';

const line = (role: CostLine['role'], region: string, service: string, amount: number): CostLine => ({ role, region, resourceGroup: `rg-${region}`, service, amount, currency: 'CAD' });

describe('cost totals', () => {
  it('sums per region and service in millionths and rounds to the cent once', () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004; 3 × 0.001666 rounds only at the end.
    const cells = totalsByRegionAndService([line('secondary', 'canadaeast', 'Storage', 0.1), line('secondary', 'canadaeast', 'Storage', 0.2), line('primary', 'canadacentral', 'Bandwidth', 0.001666), line('primary', 'canadacentral', 'Bandwidth', 0.001666), line('primary', 'canadacentral', 'Bandwidth', 0.001666)]);
    expect(cells).toEqual([
      { role: 'primary', region: 'canadacentral', service: 'Bandwidth', cents: 0 },
      { role: 'secondary', region: 'canadaeast', service: 'Storage', cents: 30 },
    ]);
    expect(totalsByRegionAndService([line('primary', 'canadacentral', 'Bandwidth', 0.004999), line('primary', 'canadacentral', 'Bandwidth', 0.000002)])[0]?.cents).toBe(1);
  });

  it('totals per role add up the cells shown; compute is picked by service', () => {
    const cells = totalsByRegionAndService([line('primary', 'canadacentral', 'Virtual Machines', 1200), line('primary', 'canadacentral', 'Storage', 165), line('secondary', 'canadaeast', 'Virtual Machines', 600), line('global', 'global', 'Azure Front Door Service', 48)]);
    expect(totalsByRole(cells)).toEqual({ primary: 136_500, secondary: 60_000, global: 4_800, all: 201_300 });
    expect(centsOfServices(cells, ['Virtual Machines'])).toEqual({ primary: 120_000, secondary: 60_000, global: 0, all: 180_000 });
  });
});
