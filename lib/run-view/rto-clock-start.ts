import type { RunbookRunRecord } from '@/lib/db/runbooks/runbook-record';
import { simulatedFailureAt } from '@/lib/domain/measure-recovery';

export type RtoClockFrom = 'run' | 'request' | 'simulated-failure';
export type RtoClock = { from: RtoClockFrom; startedAt: Date };

/**
 * Where the live RTO clock starts, as lib/domain/measure-recovery.ts counts the recorded RTO: a real
 * run from its request (approval time included), a drill from its simulated failure once that has
 * happened; a dry run (or a run without a request) from its own start.
 */
export function rtoClockStart(run: Pick<RunbookRunRecord, 'dryRun' | 'startedAt' | 'plan' | 'steps'>, requestedAt: Date | null): RtoClock {
  if (run.dryRun || !requestedAt) return { from: 'run', startedAt: run.startedAt };
  const simulated = simulatedFailureAt(run.plan, new Map(run.steps.map((step) => [step.stepId, step])));
  return simulated ? { from: 'simulated-failure', startedAt: simulated } : { from: 'request', startedAt: requestedAt };
}
