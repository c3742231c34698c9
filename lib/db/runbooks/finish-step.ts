import type { Db, Prisma } from '../client';
import type { StepOutput } from './runbook-record';

export type StepOutcome = { state: 'succeeded'; output: StepOutput } | { state: 'failed'; error: string; output?: StepOutput };

/** Commits a step's end after it ran, only for the attempt this executor started; false if it moved on. */
export async function finishStep(db: Db, step: { runId: string; stepId: string; attempt: number }, outcome: StepOutcome, at: Date): Promise<boolean> {
  const { count } = await db.runbookStep.updateMany({
    where: { runId: step.runId, stepId: step.stepId, state: 'running', attempt: step.attempt },
    data: {
      state: outcome.state,
      finishedAt: at,
      output: (outcome.output ?? {}) as Prisma.InputJsonObject,
      error: outcome.state === 'failed' ? outcome.error : null,
    },
  });
  return count === 1;
}
