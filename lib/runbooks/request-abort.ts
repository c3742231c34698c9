import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db } from '@/lib/db/client';
import { markAbortRequested } from '@/lib/db/runbooks/mark-abort-requested';
import type { AuditActor } from '@/lib/domain/audit-event';
import { ExpectedFailure } from '@/lib/domain/errors';

/**
 * One Operator may stop a run (no second person: stopping is the safe direction). The engine sees
 * the request at its next scheduling decision; the request and its audit event commit together.
 */
export async function requestAbort(db: Db, runId: string, actor: AuditActor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await markAbortRequested(tx, runId, actor.name, now))) {
      throw new ExpectedFailure('The run is not running, or an abort was already requested.', 'not-abortable');
    }
    await appendAuditEvent(tx, { actor, action: 'runbook.abort-requested', target: { type: 'runbook-run', id: runId }, outcome: 'success', payload: { at: now.toISOString() } });
  });
}
