import type { FrontDoorMetrics } from '@/lib/domain/probe-results';

type Origin = FrontDoorMetrics['origins'][number];

/**
 * The region Front Door would send traffic to: among the active group's enabled, healthy origins,
 * the lowest priority; between equals, the heaviest weight (most of the traffic). Null: none qualifies.
 */
export function pickServingRegion(origins: readonly Origin[], activeOriginGroup: string): FrontDoorMetrics['servingRegion'] {
  const candidates = origins.filter((origin) => origin.originGroup.toLowerCase() === activeOriginGroup.toLowerCase() && origin.enabled && origin.healthy === true);
  const best = candidates.reduce<Origin | null>((chosen, origin) => {
    if (chosen === null || origin.priority < chosen.priority) return origin;
    if (origin.priority === chosen.priority && origin.weight > chosen.weight) return origin;
    return chosen;
  }, null);
  return best?.region ?? null;
}
