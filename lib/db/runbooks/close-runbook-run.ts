import type { Db } from '../client';
import type { RunState } from './runbook-record';
import { settleUnstartedSteps } from './settle-unstarted-steps';

export type RunOutcome = { state: Exclude<RunState, 'running'>; error: string | null };

/**
 * Ends a running run once, only while `executorId` still holds its lease: marks the steps that
 * never started (`settle`), then the run, in one transaction. Null when the run is no longer ours.
 */
export async function closeRunbookRun(
  db: Db,
  run: { id: string; executorId: string; settle: 'skipped' | 'aborted'; orphans: readonly string[] },
  outcomeFor: (notStarted: string[]) => RunOutcome,
  at: Date,
): Promise<{ outcome: RunOutcome; notStarted: string[] } | null> {
  return db.$transaction(async (tx) => {
    const owned = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "RunbookRun" WHERE "id" = ${run.id}::uuid AND "state" = 'running' AND "executorId" = ${run.executorId} FOR UPDATE`;
    if (owned.length === 0) return null;
    const notStarted = await settleUnstartedSteps(tx, run.id, run.settle, at, run.orphans);
    const outcome = outcomeFor(notStarted);
    await tx.runbookRun.update({ where: { id: run.id }, data: { state: outcome.state, error: outcome.error, finishedAt: at, executorId: null, leaseExpiresAt: null } });
    return { outcome, notStarted };
  });
}
