import type { ChangePlan } from './change-plan';

/** Where a run left the traffic: one region, split between both (a failback stopped mid-shift), or untouched. */
export type TrafficSide = 'primary' | 'secondary' | 'split' | null;

/**
 * From the plan's traffic steps in order: a succeeded route switch sends traffic to the secondary;
 * failback's weight stages move it back (100 % = primary, less = split); a failed stage was
 * compensated back to the secondary. Steps that never ran leave it where it was.
 */
export function trafficAfterRun(plan: ChangePlan, stateOf: (stepId: string) => string | undefined): TrafficSide {
  let side: TrafficSide = null;
  for (const step of plan.steps) {
    const state = stateOf(step.id);
    if (step.action === 'switch-route' && state === 'succeeded') side = 'secondary';
    if (step.action === 'set-origin-weights' && state === 'succeeded') side = step.params.percentToTarget === 100 ? 'primary' : 'split';
    if (step.action === 'set-origin-weights' && state === 'failed') side = 'secondary';
  }
  return side;
}
