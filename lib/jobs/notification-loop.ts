import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { activeNotificationTargets } from '@/lib/notify/active-notification-targets';
import { deliverPendingNotifications } from '@/lib/notify/deliver-pending-notifications';

export const NOTIFICATION_POLL_MS = 5_000;

/**
 * Delivers due notifications every few seconds. Runs in every worker, not only the leader: rows
 * are claimed with SKIP LOCKED, so a region that loses its leader still gets its alerts out.
 */
export function startNotificationLoop(db: Db, config: LifeboatConfig, log: (line: string) => void, intervalMs = NOTIFICATION_POLL_MS): { stop(): Promise<void> } {
  const targets = activeNotificationTargets(config.notifications.targets);
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = deliverPendingNotifications(db, { targets })
      .then((report) => {
        if (report.sent || report.retrying || report.failed) log(`notifications: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`);
      })
      .catch((error: unknown) => log(`notification delivery failed: ${error instanceof Error ? error.message : String(error)}`))
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
