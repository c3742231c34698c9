import type { DbTx } from '../client';

/**
 * Marks the steps that never started (skipped after a failure, aborted after an abort), plus
 * `orphans`: steps left running by a dead worker that the stopped run will not re-check. Returns their ids.
 */
export async function settleUnstartedSteps(tx: DbTx, runId: string, state: 'skipped' | 'aborted', at: Date, orphans: readonly string[] = []): Promise<string[]> {
  const where = { runId, OR: [{ state: 'pending' }, { state: 'running', stepId: { in: [...orphans] } }] };
  const rows = await tx.runbookStep.findMany({ where, select: { stepId: true }, orderBy: { id: 'asc' } });
  await tx.runbookStep.updateMany({ where, data: { state, finishedAt: at } });
  return rows.map((row) => row.stepId);
}
