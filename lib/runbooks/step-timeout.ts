import type { PlanStep } from '@/lib/domain/change-plan';
import type { StepHandler } from './step-handler';

/** When neither the handler nor the run's options set one. */
export const DEFAULT_STEP_TIMEOUT_MS = 15 * 60_000;

/** How long one call of `handler` for `step` may take: the handler's own (fixed or per step), else the fallback. */
export function stepTimeoutMs(handler: StepHandler, step: PlanStep, fallback = DEFAULT_STEP_TIMEOUT_MS): number {
  return (typeof handler.timeoutMs === 'function' ? handler.timeoutMs(step) : handler.timeoutMs) ?? fallback;
}
