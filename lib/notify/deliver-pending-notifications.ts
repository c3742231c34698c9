import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Environment } from '@/lib/config/environment';
import { claimDueNotifications, type ClaimedNotification } from '@/lib/db/alerts/claim-due-notifications';
import { markNotificationSent } from '@/lib/db/alerts/mark-notification-sent';
import { recordNotificationFailure } from '@/lib/db/alerts/record-notification-failure';
import type { Db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import { activeNotificationTargets } from './active-notification-targets';
import type { NotificationTarget } from './notification-target';
import { retryDelayMs } from './retry-delay';
import { sendNotification } from './send-notification';

export type DeliverOptions = {
  /** config.notifications.targets; rows are matched to targets by name. */
  targets: readonly NotificationTarget[];
  /** The board's address for links (default LIFEBOAT_BASE_URL, else http://localhost:3000). */
  baseUrl?: string;
  env?: Environment;
  now?: () => Date;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** After this many failed attempts a notification is 'failed' (default 8: about 2.7 h of retries). */
  maxAttempts?: number;
  /** Rows claimed per call (default 50). */
  batchSize?: number;
  random?: () => number;
  fetch?: typeof fetch;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * Sends every due notification once: success → sent; failure → retried later with backoff, or
 * after maxAttempts marked 'failed' and audited (kept visible, never dropped). Safe to run in
 * several workers at once: each row is claimed by one of them.
 */
export async function deliverPendingNotifications(db: Db, options: DeliverOptions): Promise<DeliveryReport> {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const boardUrl = `${(options.baseUrl ?? env.LIFEBOAT_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '')}/`;
  const active = new Map(activeNotificationTargets(options.targets, env).map((target) => [target.name, target]));

  const claimed = await claimDueNotifications(db, { now: now(), limit: options.batchSize ?? 50, leaseMs: timeoutMs + 30_000 });
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };

  const deliver = async (notification: ClaimedNotification) => {
    const target = active.get(notification.target);
    const outcome = target
      ? await sendNotification(target, { alert: notification.alert, event: notification.event, boardUrl }, { timeoutMs, env, fetch: options.fetch, now })
      : { ok: false as const, error: `target ${notification.target} is not configured, or its variables are unset` };
    if (outcome.ok) {
      if (await markNotificationSent(db, notification.id, now())) report.sent += 1;
      return;
    }
    const attempts = notification.attempts + 1;
    const retryAt = attempts >= maxAttempts ? null : new Date(now().getTime() + retryDelayMs(attempts, options.random));
    await db.$transaction(async (tx) => {
      const row = await recordNotificationFailure(tx, notification.id, outcome.error, retryAt);
      if (!row) return;
      if (retryAt) {
        report.retrying += 1;
        return;
      }
      report.failed += 1;
      await recordAuditEvent(
        {
          actor: SYSTEM_ACTOR,
          action: 'notification.failed',
          target: { type: 'notification', id: String(notification.id) },
          outcome: 'failure',
          payload: { alertId: String(notification.alertId), rule: notification.alert.rule, dedupKey: notification.alert.dedupKey, event: notification.event, target: notification.target, kind: notification.kind, attempts, lastError: outcome.error },
        },
        tx,
      );
    });
  };

  await Promise.all(claimed.map(deliver));
  return report;
}
