import type { FrontDoorOriginView } from '../arm/front-door-view';

export type OriginPicker = (origins: FrontDoorOriginView[], isHealthy: (origin: FrontDoorOriginView) => boolean) => FrontDoorOriginView | null;

/**
 * Front Door's decision: enabled and healthy origins, then the lowest priority value, then a
 * round robin in the ratio of the weights (smooth weighted round robin: exact and deterministic).
 * The latency-sensitivity step is skipped: every lab origin is on loopback.
 */
export function createOriginPicker(): OriginPicker {
  let current = new Map<string, number>();
  let lastSet = '';
  return (origins, isHealthy) => {
    const available = origins.filter((origin) => origin.enabled && isHealthy(origin));
    if (available.length === 0) return null;
    const top = Math.min(...available.map((origin) => origin.priority));
    const chosen = available.filter((origin) => origin.priority === top);
    const set = chosen.map((origin) => `${origin.name}:${origin.weight}`).join('|');
    // A new candidate set starts a fresh cycle, so an origin coming back does not get a burst.
    if (set !== lastSet) {
      current = new Map();
      lastSet = set;
    }
    const total = chosen.reduce((sum, origin) => sum + Math.max(origin.weight, 0), 0);
    let best: FrontDoorOriginView | null = null;
    let bestWeight = -Infinity;
    for (const origin of chosen) {
      const value = (current.get(origin.name) ?? 0) + Math.max(origin.weight, 0);
      current.set(origin.name, value);
      if (value > bestWeight) {
        bestWeight = value;
        best = origin;
      }
    }
    if (best) current.set(best.name, bestWeight - total);
    return best;
  };
}
