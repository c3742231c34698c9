import type { Db } from '@/lib/db/client';
import { closeRunbookRun, type RunOutcome } from '@/lib/db/runbooks/close-runbook-run';
import { releaseRunbookLease } from '@/lib/db/runbooks/release-runbook-lease';
import { describeStop } from './describe-stop';
import type { StepStatus } from './ready-steps';
import type { RunRunbookResult } from './run-runbook';

/** Why the scheduling loop stopped early; none means every step it could start has ended. */
export type Stop = { kind: 'failed'; error: string } | { kind: 'aborted'; reason: string } | { kind: 'not-leader' } | { kind: 'lost-lease' } | { kind: 'crashed'; error: unknown };

/**
 * Ends the run when it is over (succeeded, degraded, failed, aborted: unstarted steps marked, with
 * where it stopped); otherwise frees the lease so the next leader resumes at once.
 */
export async function settleRun(db: Db, runId: string, executorId: string, stop: Stop | undefined, status: Map<string, StepStatus>, at: Date): Promise<RunRunbookResult> {
  if (!stop || stop.kind === 'failed' || stop.kind === 'aborted') {
    // Steps still "running" here were orphans never relaunched (the run stopped first).
    const orphans = [...status].filter(([, s]) => s.state === 'running').map(([id]) => id);
    const settle = stop?.kind === 'aborted' ? 'aborted' : 'skipped';
    const closed = await closeRunbookRun(db, { id: runId, executorId, settle, orphans }, (notStarted) => outcomeOf(stop, status, settle, notStarted), at);
    return closed ? { runId, ...closed.outcome } : { runId, state: 'running', stopped: 'lost-lease' };
  }
  await releaseRunbookLease(db, runId, executorId);
  if (stop.kind === 'crashed') throw stop.error;
  return { runId, state: 'running', stopped: stop.kind };
}

function outcomeOf(stop: Extract<Stop, { kind: 'failed' | 'aborted' }> | undefined, status: Map<string, StepStatus>, settle: 'skipped' | 'aborted', notStarted: string[]): RunOutcome {
  const after = new Map(status);
  for (const id of notStarted) after.set(id, { state: settle, optional: status.get(id)?.optional ?? false });
  if (stop?.kind === 'failed') return { state: 'failed', error: describeStop(stop.error, after, notStarted) };
  if (stop?.kind === 'aborted') return { state: 'aborted', error: describeStop(stop.reason, after, notStarted) };
  if (notStarted.length) return { state: 'failed', error: describeStop('steps could never start', after, notStarted) };
  const failedOptional = [...after].filter(([, s]) => s.state === 'failed').map(([id]) => id);
  return failedOptional.length ? { state: 'degraded', error: `optional steps failed: ${failedOptional.join(', ')}` } : { state: 'succeeded', error: null };
}
