import type { Db } from '../client';

/**
 * Commits attempt `attempt + 1` of a step as running before it executes: a conditional update
 * from exactly what the caller saw (state and attempt), so two executors never start the same attempt.
 */
export async function startStepAttempt(db: Db, seen: { runId: string; stepId: string; state: 'pending' | 'running'; attempt: number }, at: Date): Promise<number | null> {
  const { count } = await db.runbookStep.updateMany({
    where: { runId: seen.runId, stepId: seen.stepId, state: seen.state, attempt: seen.attempt },
    data: { state: 'running', attempt: seen.attempt + 1, ...(seen.state === 'pending' ? { startedAt: at } : {}) },
  });
  return count === 1 ? seen.attempt + 1 : null;
}
