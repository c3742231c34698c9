import { startExecution } from '@/lib/approvals/start-execution';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import type { Db } from '@/lib/db/client';
import { findRequestRun } from '@/lib/db/runbooks/find-request-run';
import { insertRunbookRun } from '@/lib/db/runbooks/insert-runbook-run';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import { DEFAULT_LEASE_MS } from './run-runbook';

/**
 * The run that executes a request: an approved request becomes executing and gets its run in the
 * same commit (startExecution recounts the quorum), an executing one already has it. Null when the
 * request is in any other state. Throws startExecution's ExpectedFailure when the quorum is gone.
 * The new run is leased for `leaseMs` (the engine's lease) until this worker claims it, at once, so
 * the dispatcher does not queue it again; a worker dying in between leaves it to the next one.
 */
export async function beginRequestExecution(db: Db, requestId: string, options: { leaseMs?: number; now?: Date } = {}): Promise<string | null> {
  const { leaseMs = DEFAULT_LEASE_MS, now = new Date() } = options;
  return db.$transaction(async (tx) => {
    const request = await readChangeRequest(tx, requestId, { lock: true });
    if (!request) return null;
    if (request.state === 'executing') return (await findRequestRun(tx, requestId))?.id ?? null;
    if (request.state !== 'approved') return null;
    await startExecution(tx, requestId, { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name }, now);
    const runId = await insertRunbookRun(tx, { requestId, plan: request.plan, planDigest: request.planDigest, dryRun: false, leaseMs });
    await appendAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: 'runbook.started',
      target: { type: 'runbook-run', id: runId },
      outcome: 'success',
      payload: { requestId, kind: request.kind, planDigest: request.planDigest, steps: request.plan.steps.length },
    });
    return runId;
  });
}
