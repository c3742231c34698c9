import type { ChangePlan, PlanAction, PlanStep } from '@/lib/domain/change-plan';
import type { StepContext, StepHandler, StepOutput, StepRegistry } from '../step-handler';

const ACTIONS: PlanAction[] = ['check-health', 'scale-node-pool', 'restore-qdrant-collection', 'snapshot-qdrant-collection', 'restore-redis', 'switch-route', 'set-origin-weights', 'validate-serving'];

/** Tests: a plan step with only what the engine reads. */
export function planStep(id: string, dependsOn: string[] = [], extra: Partial<PlanStep> = {}): PlanStep {
  return { id, action: 'check-health', title: id, target: `test/${id}`, params: {}, dependsOn, optional: false, estimateMinutes: 1, ...extra };
}

export function testPlan(steps: PlanStep[]): ChangePlan {
  return { kind: 'failover', fromRegion: 'canadacentral', toRegion: 'canadaeast', steps };
}

export type FakeStep = {
  /** Runs for each attempt; default: resolves `{ ok: true }` at once. */
  execute?: (ctx: StepContext) => Promise<StepOutput>;
  check?: (ctx: StepContext) => Promise<'done' | 'not-done'>;
  compensate?: (ctx: StepContext, failure: string) => Promise<string>;
};

export type FakeRegistry = { registry: StepRegistry; calls: { stepId: string; kind: 'execute' | 'check' | 'describe'; attempt: number }[]; executions: (stepId: string) => number };

/** Tests: one handler per action that dispatches on the step id, and records every call. */
export function fakeRegistry(steps: Record<string, FakeStep>): FakeRegistry {
  const calls: FakeRegistry['calls'] = [];
  const handler: StepHandler = {
    execute: async (ctx) => {
      calls.push({ stepId: ctx.step.id, kind: 'execute', attempt: ctx.attempt });
      return (await steps[ctx.step.id]?.execute?.(ctx)) ?? { ok: true };
    },
    describe: (ctx) => {
      calls.push({ stepId: ctx.step.id, kind: 'describe', attempt: ctx.attempt });
      return `would run ${ctx.step.id} on ${ctx.step.target}`;
    },
  };
  // Like a real handler, check() exists or not: only when some fake step defines one.
  if (Object.values(steps).some((step) => step.check)) {
    handler.check = async (ctx) => {
      calls.push({ stepId: ctx.step.id, kind: 'check', attempt: ctx.attempt });
      const check = steps[ctx.step.id]?.check;
      if (!check) throw new Error(`test step ${ctx.step.id} has no check`);
      return check(ctx);
    };
  }
  if (Object.values(steps).some((step) => step.compensate)) {
    handler.compensate = async (ctx, failure) => (await steps[ctx.step.id]?.compensate?.(ctx, failure)) ?? 'nothing to undo';
  }
  const registry = Object.fromEntries(ACTIONS.map((action) => [action, handler])) as StepRegistry;
  return { registry, calls, executions: (stepId) => calls.filter((call) => call.stepId === stepId && call.kind === 'execute').length };
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
