export type OriginSetting = { priority: number; weight: number; enabledState: 'Enabled' | 'Disabled' };
export type StageWeights = { target: OriginSetting; source: OriginSetting };

/**
 * A failback stage as Front Door expresses it inside one origin group holding both origins:
 * below 100 % both share priority 1 and split by weight (1–1000, so 10 % → 100/900); at 100 %
 * the group returns to its deployed shape, target priority 1, source priority 2 (automatic failover).
 */
export function originWeightsFor(percentToTarget: number): StageWeights {
  if (!Number.isFinite(percentToTarget) || percentToTarget < 1 || percentToTarget > 100) throw new Error(`percentToTarget must be from 1 to 100 (got ${percentToTarget})`);
  if (percentToTarget === 100) return { target: { priority: 1, weight: 1000, enabledState: 'Enabled' }, source: { priority: 2, weight: 1000, enabledState: 'Enabled' } };
  const weight = Math.min(990, Math.max(10, Math.round(percentToTarget * 10)));
  return { target: { priority: 1, weight, enabledState: 'Enabled' }, source: { priority: 1, weight: 1000 - weight, enabledState: 'Enabled' } };
}
