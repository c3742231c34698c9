import type { Db } from '@/lib/db/client';
import { readChangeState } from '@/lib/db/approvals/read-change-state';
import { readMeasuredRun } from '@/lib/db/runbooks/read-measured-run';
import { readRunAuditTrail } from '@/lib/db/runbooks/read-run-audit-trail';
import { toRunView, type Objectives } from './to-run-view';
import type { RunView } from './run-view';

/** The live view of one run from the database alone (the worker writes, this reads); null for an unknown id. */
export async function readRunView(db: Db, runId: string, objectives: Objectives, now = new Date()): Promise<RunView | null> {
  const run = await readMeasuredRun(db, runId);
  if (!run) return null;
  const request = run.requestId ? await readChangeState(db, run.requestId) : null;
  return toRunView(run, await readRunAuditTrail(db, run), objectives, now, request);
}
