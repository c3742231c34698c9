import type { Db } from '@/lib/db/client';
import { listAlertHistory } from '@/lib/db/alerts/list-alert-history';
import { listFiringAlerts } from '@/lib/db/alerts/list-firing-alerts';
import { listNotifications } from '@/lib/db/alerts/list-notifications';
import type { StoredAlert, StoredNotification } from '@/lib/db/alerts/stored-alert';
import type { AlertView, FailedNotificationView } from './status-snapshot';

export type BoardAlerts = {
  firing: AlertView[];
  recentlyResolved: AlertView[];
  failedNotifications: FailedNotificationView[];
  /** Undelivered notifications by status (pending, failed); counted up to NOTIFICATION_SCAN each. */
  notificationCounts: Record<'pending' | 'failed', number>;
};

const RESOLVED_SHOWN = 10;
const FAILED_SHOWN = 20;
export const NOTIFICATION_SCAN = 1_000;

const toView = (alert: StoredAlert): AlertView => ({
  id: alert.id.toString(),
  rule: alert.rule,
  severity: alert.severity,
  title: alert.title,
  state: alert.state,
  firedAt: alert.firedAt.toISOString(),
  resolvedAt: alert.resolvedAt?.toISOString() ?? null,
});

/** Firing and recently resolved alerts, and every notification that failed or is retrying after an error. */
export async function readAlertsForBoard(db: Db, now = new Date()): Promise<BoardAlerts> {
  const [firing, history, failed, pending] = await Promise.all([
    listFiringAlerts(db),
    listAlertHistory(db, { since: new Date(now.getTime() - 7 * 86_400_000), limit: 100 }),
    listNotifications(db, { status: 'failed', limit: NOTIFICATION_SCAN }),
    listNotifications(db, { status: 'pending', limit: NOTIFICATION_SCAN }),
  ]);
  const titles = new Map([...history, ...firing].map((alert) => [alert.id.toString(), alert.title]));
  const failing = [...failed, ...pending.filter((notification) => notification.lastError !== null)]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, FAILED_SHOWN)
    .map(
      (notification: StoredNotification): FailedNotificationView => ({
        id: notification.id.toString(),
        alertId: notification.alertId.toString(),
        alertTitle: titles.get(notification.alertId.toString()) ?? `alert #${notification.alertId}`,
        event: notification.event,
        target: notification.target,
        kind: notification.kind,
        status: notification.status,
        attempts: notification.attempts,
        lastError: notification.lastError,
        createdAt: notification.createdAt.toISOString(),
      }),
    );
  return {
    firing: firing.map(toView),
    recentlyResolved: history.filter((alert) => alert.state === 'resolved').slice(0, RESOLVED_SHOWN).map(toView),
    failedNotifications: failing,
    notificationCounts: { pending: pending.length, failed: failed.length },
  };
}
