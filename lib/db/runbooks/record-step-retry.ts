import type { Db } from '../client';

/**
 * Keeps a failed attempt's error on the still-running step (while it waits for its retry or is undone);
 * false when this attempt no longer owns the step: another executor moved it on.
 */
export async function recordStepRetry(db: Db, step: { runId: string; stepId: string; attempt: number }, error: string): Promise<boolean> {
  const { count } = await db.runbookStep.updateMany({ where: { runId: step.runId, stepId: step.stepId, state: 'running', attempt: step.attempt }, data: { error } });
  return count === 1;
}
