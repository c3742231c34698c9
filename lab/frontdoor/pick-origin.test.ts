import { describe, expect, it } from 'vitest';
import type { FrontDoorOriginView } from '../arm/front-door-view';
import { createOriginPicker } from './pick-origin';

const origin = (name: string, priority: number, weight = 50, enabled = true): FrontDoorOriginView => ({ name, hostName: '127.0.0.1', httpPort: 1, priority, weight, enabled });
const allHealthy = () => true;

function counts(origins: FrontDoorOriginView[], n: number, isHealthy: (o: FrontDoorOriginView) => boolean = allHealthy) {
  const pick = createOriginPicker();
  const seen: Record<string, number> = {};
  for (let i = 0; i < n; i += 1) {
    const chosen = pick(origins, isHealthy)?.name ?? 'none';
    seen[chosen] = (seen[chosen] ?? 0) + 1;
  }
  return seen;
}

describe('pick origin (Front Door decision order)', () => {
  it('sends everything to the lowest priority value', () => {
    expect(counts([origin('b', 2), origin('a', 1)], 20)).toEqual({ a: 20 });
  });

  it('skips disabled and unhealthy origins before looking at priority', () => {
    const origins = [origin('a', 1, 50, false), origin('b', 1), origin('c', 2)];
    expect(counts(origins, 10)).toEqual({ b: 10 });
    expect(counts(origins, 10, (o) => o.name !== 'b')).toEqual({ c: 10 });
    expect(counts(origins, 3, () => false)).toEqual({ none: 3 });
  });

  it('splits equal priorities in the ratio of the weights, interleaved', () => {
    expect(counts([origin('a', 1, 1), origin('b', 1, 3)], 400)).toEqual({ a: 100, b: 300 });
    const pick = createOriginPicker();
    const firstEight = Array.from({ length: 8 }, () => pick([origin('a', 1, 1), origin('b', 1, 1)], allHealthy)?.name);
    expect(firstEight).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
  });
});
