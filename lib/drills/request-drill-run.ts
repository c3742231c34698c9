import type { ApprovalActor } from '@/lib/approvals/approval-actor';
import { createChangeRequest } from '@/lib/approvals/create-change-request';
import { submitChangeRequest } from '@/lib/approvals/submit-change-request';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { DbTx } from '@/lib/db/client';
import { linkDrillRequest } from '@/lib/db/drills/link-drill-request';
import { readDrill } from '@/lib/db/drills/read-drill';
import { drillRequestOpensAt, isDrillRequestOpen } from '@/lib/domain/drill-request-window';
import { ExpectedFailure } from '@/lib/domain/errors';
import { formatUtc } from '@/lib/domain/format-utc';
import { drillRequestReason } from './drill-request-reason';

/**
 * The drill's change request (kind drill, the drill runbook for its environment), created and
 * submitted to the approvers like any request, and linked to the drill: scheduled → requested.
 * Refused before the request window opens, so an approval cannot start the drill days early.
 */
export async function requestDrillRun(tx: DbTx, config: LifeboatConfig, actor: ApprovalActor, drillId: string, preflight: Preflight, now = new Date()): Promise<{ requestId: string; planDigest: string }> {
  const drill = await readDrill(tx, drillId, { lock: true });
  if (!drill) throw new ExpectedFailure(`No drill ${drillId}.`, 'not-found');
  if (drill.state !== 'scheduled') throw new ExpectedFailure(`The drill is ${drill.state}: only a scheduled drill can be requested${drill.requestId ? ` (its request is ${drill.requestId})` : ''}.`, 'not-scheduled');
  if (!isDrillRequestOpen(drill.scheduledFor, now)) {
    throw new ExpectedFailure(`Too early: the drill is scheduled for ${formatUtc(drill.scheduledFor)}; its run can be requested from ${formatUtc(drillRequestOpensAt(drill.scheduledFor))} (an hour before).`, 'too-early');
  }
  const reason = drillRequestReason(drill);
  const created = await createChangeRequest(tx, config, actor, { kind: 'drill', reason, preflight, now, planOptions: { environment: drill.environment } });
  const submitted = await submitChangeRequest(tx, config, actor, created.id, now);
  if (!(await linkDrillRequest(tx, drillId, created.id, now))) throw new ExpectedFailure('The drill was requested meanwhile.', 'not-scheduled');
  // The request's own trail (keyed on the change request) names its creator and submitter, as /failovers' actions do.
  const auditActor = { id: actor.userId, name: actor.name, roles: actor.roles };
  const target = { type: 'change-request', id: created.id };
  await appendAuditEvent(tx, { actor: auditActor, action: 'change.create', target, outcome: 'success', payload: { input: { kind: 'drill', reason }, requestId: created.id, planDigest: created.planDigest, drillId } });
  await appendAuditEvent(tx, { actor: auditActor, action: 'change.submit', target, outcome: 'success', payload: { input: { id: created.id }, planDigest: created.planDigest, expiresAt: submitted.expiresAt.toISOString(), drillId } });
  return { requestId: created.id, planDigest: created.planDigest };
}
