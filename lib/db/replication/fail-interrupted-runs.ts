import type { Db } from '../client';

/**
 * Ends the 'running' rows of `job` that no process is working on any more (their worker died mid-run).
 * Called by the job's handler before it starts: its queue runs one job at a time, so any such row is orphaned.
 */
export async function failInterruptedRuns(db: Db, job: string, now = new Date()): Promise<number> {
  const { count } = await db.replicationRun.updateMany({
    // Runbook-driven runs (other triggers) are their runbook's to finish.
    where: { job, state: 'running', trigger: { in: ['schedule', 'manual'] }, startedAt: { lt: now } },
    data: { state: 'failed', finishedAt: now, error: 'interrupted: the worker running it stopped before it finished' },
  });
  return count;
}
