import type { Db } from '@/lib/db/client';
import { readChangeState } from '@/lib/db/approvals/read-change-state';
import { readRunbookRun } from '@/lib/db/runbooks/read-runbook-run';
import { readRunAuditTrail } from '@/lib/db/runbooks/read-run-audit-trail';
import { toRunView, type Objectives } from './to-run-view';
import type { RunView } from './run-view';

/** The live view of one run from the database alone (the worker writes, this reads); null for an unknown id. */
export async function readRunView(db: Db, runId: string, objectives: Objectives, now = new Date()): Promise<RunView | null> {
  const run = await readRunbookRun(db, runId);
  if (!run) return null;
  const [request, audit] = await Promise.all([run.requestId ? readChangeState(db, run.requestId) : null, readRunAuditTrail(db, run)]);
  return toRunView(run, audit, objectives, now, request);
}
