import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotifications } from '@/lib/db/alerts/enqueue-notifications';
import { insertFiringAlert } from '@/lib/db/alerts/insert-firing-alert';
import type { DbTx } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import type { ApprovalActor } from './approval-actor';

export type BreakGlassAlertInput = { requestId: string; kind: string; admin: ApprovalActor; justification: string; targets: readonly { name: string; kind: 'teams' | 'pagerduty' | 'webhook' }[]; at: Date };

/** Break-glass always pages: a SEV-1 alert (one per request) with its notifications, in the approving transaction. */
export async function raiseBreakGlassAlert(tx: DbTx, input: BreakGlassAlertInput): Promise<void> {
  const fired = await insertFiringAlert(
    tx,
    {
      rule: 'break-glass-used',
      severity: 'SEV-1',
      dedupKey: `break-glass-used:${input.requestId}`,
      holds: true,
      title: `Break-glass: ${input.admin.name} approved a ${input.kind} alone`,
      details: { requestId: input.requestId, admin: input.admin.name, justification: input.justification, action: 'review the request and its justification' },
    },
    input.at,
  );
  if (!fired) return;
  const queued = await enqueueNotifications(tx, fired.id, 'trigger', input.targets, input.at);
  await recordAuditEvent({ actor: SYSTEM_ACTOR, action: 'alert.fired', target: { type: 'alert', id: String(fired.id) }, outcome: 'success', payload: { rule: fired.rule, severity: fired.severity, dedupKey: fired.dedupKey, title: fired.title, notifications: queued } }, tx);
}
