import type { Db } from '../client';

/**
 * Ends the 'running' rows a runbook step left when its worker died: the step's executor holds the
 * run's lease, so when it starts the step again, no one else is working on them.
 */
export async function failOrphanedStepRuns(db: Db, requestedBy: string, now = new Date()): Promise<number> {
  const { count } = await db.replicationRun.updateMany({
    where: { requestedBy, trigger: 'runbook', state: 'running' },
    data: { state: 'failed', finishedAt: now, error: 'interrupted: the runbook step running it was resumed by another worker' },
  });
  return count;
}
