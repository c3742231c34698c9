import { describe, expect, it } from 'vitest';
import type { FrontDoorMetrics } from '@/lib/domain/probe-results';
import { pickServingRegion } from './pick-serving-region';

type Origin = FrontDoorMetrics['origins'][number];
const origin = (over: Partial<Origin>): Origin => ({ name: 'o', originGroup: 'og-a', region: 'primary', priority: 1, weight: 1000, enabled: true, healthy: true, healthLatencyMs: 5, ...over });

describe('pickServingRegion', () => {
  it('takes the lowest priority among enabled, healthy origins of the active group only', () => {
    const origins = [
      origin({ name: 'p', region: 'primary', priority: 1 }),
      origin({ name: 's', region: 'secondary', priority: 2 }),
      origin({ name: 'other', originGroup: 'og-b', region: 'secondary', priority: 0 }),
    ];
    expect(pickServingRegion(origins, 'OG-A')).toBe('primary');
    expect(pickServingRegion([{ ...origins[0]!, healthy: false }, origins[1]!, origins[2]!], 'og-a')).toBe('secondary');
    expect(pickServingRegion([{ ...origins[0]!, enabled: false }, origins[1]!], 'og-a')).toBe('secondary');
    expect(pickServingRegion([{ ...origins[0]!, healthy: null }, { ...origins[1]!, healthy: false }], 'og-a')).toBeNull();
  });

  it('breaks a priority tie by weight (where most traffic goes)', () => {
    const origins = [origin({ region: 'primary', weight: 10 }), origin({ region: 'secondary', weight: 90 })];
    expect(pickServingRegion(origins, 'og-a')).toBe('secondary');
  });
});
