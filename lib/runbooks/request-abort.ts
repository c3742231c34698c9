import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db } from '@/lib/db/client';
import type { AuditActor } from '@/lib/domain/audit-event';
import { requestAbortInTransaction } from './request-abort-in-transaction';

/**
 * One Operator may stop a run (no second person: stopping is the safe direction). The engine sees
 * the request at its next scheduling decision; the request and its audit event (`runbook.abort`,
 * as the Abort button records it) commit together. Throws requestAbortInTransaction's refusals.
 */
export async function requestAbort(db: Db, runId: string, actor: AuditActor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const run = await requestAbortInTransaction(tx, runId, actor.name || actor.id, now);
    await appendAuditEvent(tx, { actor, action: 'runbook.abort', target: { type: 'runbook-run', id: runId }, outcome: 'success', payload: { requestId: run.requestId, dryRun: run.dryRun, at: now.toISOString() } });
  });
}
