import type { Prisma } from '../client';
import type { DrillRunRecord } from './drill-record';

/** A request's real run: never a dry run, and the first started, as findRequestRun picks it. */
export const REAL_RUN = { where: { dryRun: false }, orderBy: { startedAt: 'asc' }, take: 1 } satisfies Prisma.ChangeRequest$runbookRunsArgs;

/** What a DrillRunRecord holds of the real run; a reader may narrow `steps` with a where. */
export const DRILL_RUN_SELECT = {
  id: true,
  state: true,
  startedAt: true,
  finishedAt: true,
  servingAt: true,
  rtoSeconds: true,
  rpoSeconds: true,
  steps: { select: { stepId: true, action: true, state: true, output: true, error: true }, orderBy: { id: 'asc' } },
} satisfies Prisma.RunbookRunSelect;

/** The same, with only the smoke-test (validate-serving) steps: all that a drill's verdict reads of them. */
export const DRILL_VERDICT_RUN_SELECT = { ...DRILL_RUN_SELECT, steps: { ...DRILL_RUN_SELECT.steps, where: { action: 'validate-serving' } } } satisfies Prisma.RunbookRunSelect;

export type DrillRunRow = Prisma.RunbookRunGetPayload<{ select: typeof DRILL_RUN_SELECT }>;

/** The run a request's `runbookRuns` read with REAL_RUN holds; null until the request ran (or without a request). */
export function realRunOf<Run>(request: { runbookRuns: Run[] } | null | undefined): Run | null {
  return request?.runbookRuns[0] ?? null;
}

const asObject = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** The real run (read with DRILL_RUN_SELECT, or a wider include) as the drill criteria judge it. */
export function toDrillRun(run: DrillRunRow): DrillRunRecord {
  return {
    id: run.id,
    state: run.state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    servingAt: run.servingAt,
    rtoSeconds: run.rtoSeconds,
    rpoSeconds: run.rpoSeconds,
    steps: run.steps.map((step) => ({ stepId: step.stepId, action: step.action, state: step.state, output: asObject(step.output), error: step.error })),
  };
}
