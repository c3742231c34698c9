import type { PlanStep } from '@/lib/domain/change-plan';

/** A numeric parameter the plan must carry (node counts, percentages); anything else is a plan bug. */
export function numberParam(step: PlanStep, name: string): number {
  const value = step.params[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`step ${step.id}: parameter ${name} must be a number (got ${JSON.stringify(value)})`);
  return value;
}
