import type { PlanAction } from '@/lib/domain/change-plan';
import type { StepContext, StepRegistry } from '../step-handler';

/**
 * Tests: the registry with `action`'s handler running `hook` before each execute, then the real
 * execute. A lab fault set in the hook hits that step's attempt, not the steps before it.
 */
export function withStepHook(registry: StepRegistry, action: PlanAction, hook: (ctx: StepContext) => void | Promise<void>): StepRegistry {
  const real = registry[action];
  return {
    ...registry,
    [action]: {
      ...real,
      execute: async (ctx: StepContext) => {
        await hook(ctx);
        return real.execute(ctx);
      },
    },
  };
}
