import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotifications, type NotificationTargetRef } from '@/lib/db/alerts/enqueue-notifications';
import { findFiringAlert } from '@/lib/db/alerts/find-firing-alert';
import { insertFiringAlert } from '@/lib/db/alerts/insert-firing-alert';
import { listTriggerTargets } from '@/lib/db/alerts/list-trigger-targets';
import { resolveFiringAlert } from '@/lib/db/alerts/resolve-firing-alert';
import type { Db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import type { AlertCondition } from '@/lib/domain/readiness-types';

export type ApplyAlertOptions = {
  /** Where a new alert's notifications go (lib/notify `activeNotificationTargets`); a resolve goes where its trigger went. */
  targets: readonly NotificationTargetRef[];
  now?: Date;
};

export type AppliedAlert = {
  dedupKey: string;
  /** fired / resolved: this call did it; unchanged: nothing to do (already firing, or nothing firing). */
  outcome: 'fired' | 'resolved' | 'unchanged';
  alertId: bigint | null;
};

/**
 * Turns rule verdicts into alert state, one transaction per condition: a holding condition with
 * nothing firing fires (alert + one pending notification per target + audit event); a cleared
 * one resolves (conditional update + resolve notifications + audit); anything else changes nothing.
 */
export async function applyAlertConditions(db: Db, conditions: readonly AlertCondition[], options: ApplyAlertOptions): Promise<AppliedAlert[]> {
  const applied: AppliedAlert[] = [];
  for (const condition of conditions) {
    const at = options.now ?? new Date();
    const firing = await findFiringAlert(db, condition.dedupKey);
    if (condition.holds === (firing !== null)) {
      applied.push({ dedupKey: condition.dedupKey, outcome: 'unchanged', alertId: firing?.id ?? null });
      continue;
    }
    const alert = await db.$transaction(async (tx) => {
      if (condition.holds) {
        const fired = await insertFiringAlert(tx, condition, at);
        if (!fired) return null;
        const queued = await enqueueNotifications(tx, fired.id, 'trigger', options.targets, at);
        await recordAuditEvent({ actor: SYSTEM_ACTOR, action: 'alert.fired', target: { type: 'alert', id: String(fired.id) }, outcome: 'success', payload: { rule: fired.rule, severity: fired.severity, dedupKey: fired.dedupKey, title: fired.title, notifications: queued } }, tx);
        return fired;
      }
      const resolved = await resolveFiringAlert(tx, condition.dedupKey, at);
      if (!resolved) return null;
      const queued = await enqueueNotifications(tx, resolved.id, 'resolve', await listTriggerTargets(tx, resolved.id), at);
      await recordAuditEvent({ actor: SYSTEM_ACTOR, action: 'alert.resolved', target: { type: 'alert', id: String(resolved.id) }, outcome: 'success', payload: { rule: resolved.rule, dedupKey: resolved.dedupKey, firedAt: resolved.firedAt.toISOString(), notifications: queued } }, tx);
      return resolved;
    });
    // null: another evaluator fired or resolved it between our read and our write.
    applied.push({ dedupKey: condition.dedupKey, outcome: alert ? (condition.holds ? 'fired' : 'resolved') : 'unchanged', alertId: alert?.id ?? firing?.id ?? null });
  }
  return applied;
}
