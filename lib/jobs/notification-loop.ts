import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { activeNotificationTargets } from '@/lib/notify/active-notification-targets';
import { deliverPendingChangeNotifications } from '@/lib/notify/change/deliver-pending-change-notifications';
import type { DeliverOptions, DeliveryReport } from '@/lib/notify/deliver-outbox';
import { deliverPendingNotifications } from '@/lib/notify/deliver-pending-notifications';

export const NOTIFICATION_POLL_MS = 5_000;

const counts = (report: DeliveryReport) => `${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`;
const quiet = (report: DeliveryReport) => !(report.sent || report.retrying || report.failed);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Delivers due alert and change-request notifications every few seconds. Runs in every worker, not
 * only the leader: rows are claimed with SKIP LOCKED, so a region that loses its leader still gets
 * its notifications out. One outbox failing does not hold up the other.
 */
export function startNotificationLoop(
  db: Db,
  config: LifeboatConfig,
  log: (line: string) => void,
  intervalMs = NOTIFICATION_POLL_MS,
  deliverOptions: Partial<DeliverOptions> = {},
): { stop(): Promise<void> } {
  const options: DeliverOptions = { targets: activeNotificationTargets(config.notifications.targets), ...deliverOptions };
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = Promise.allSettled([deliverPendingNotifications(db, options), deliverPendingChangeNotifications(db, options)])
      .then(([alerts, changes]) => {
        if (alerts.status === 'rejected') log(`notification delivery failed: ${message(alerts.reason)}`);
        if (changes.status === 'rejected') log(`change notification delivery failed: ${message(changes.reason)}`);
        const alertReport = alerts.status === 'fulfilled' ? alerts.value : undefined;
        const changeReport = changes.status === 'fulfilled' ? changes.value : undefined;
        if ((alertReport && !quiet(alertReport)) || (changeReport && !quiet(changeReport))) {
          log(`notifications: ${alertReport ? counts(alertReport) : 'not delivered'}; change notifications: ${changeReport ? counts(changeReport) : 'not delivered'}`);
        }
      })
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
