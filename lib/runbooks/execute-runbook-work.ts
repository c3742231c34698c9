import type { Db } from '@/lib/db/client';
import type { RunbookWork } from '@/lib/db/runbooks/find-runbook-work';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { beginRequestExecution } from './begin-request-execution';
import { endLeftoverSimulatedFailure } from './end-leftover-simulated-failure';
import { finishRequestExecution } from './finish-request-execution';
import { runRunbook, type RunRunbookOptions, type RunRunbookResult } from './run-runbook';
import type { StepRegistry } from './step-handler';

export type WorkOutcome = { runId: string | null; result: RunRunbookResult | null; requestState: 'done' | 'failed' | null };

/**
 * One runbook job: start the approved request (or take the run as it is), execute or resume it to
 * its end (a stopped drill's simulated failure ended), then close its request. A run another
 * executor holds comes back `busy`, untouched.
 */
export async function executeRunbookWork(db: Db, work: Pick<RunbookWork, 'requestId' | 'runId'>, registry: StepRegistry, options: RunRunbookOptions = {}): Promise<WorkOutcome> {
  const runId = work.runId ?? (work.requestId ? await beginRequestExecution(db, work.requestId, { leaseMs: options.leaseMs }) : null);
  if (!runId) return { runId: null, result: null, requestState: null };
  const result = await runRunbook(db, runId, registry, options);
  if (result.state === 'running') return { runId, result, requestState: null };
  const run = await readRunbookRun(db, runId);
  if (!run) return { runId, result, requestState: null };
  const cleanup = await endLeftoverSimulatedFailure(run, registry);
  const finished = await finishRequestExecution(db, run, { cleanup });
  return { runId, result, requestState: finished?.requestState ?? null };
}
