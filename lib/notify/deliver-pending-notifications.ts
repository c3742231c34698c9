import { claimDueNotifications, type ClaimedNotification } from '@/lib/db/alerts/claim-due-notifications';
import { markNotificationSent } from '@/lib/db/alerts/mark-notification-sent';
import { recordNotificationFailure } from '@/lib/db/alerts/record-notification-failure';
import type { Db } from '@/lib/db/client';
import { deliverOutbox, type DeliverOptions, type DeliveryReport, type Outbox } from './deliver-outbox';
import { sendNotification } from './send-notification';

export type { DeliverOptions, DeliveryReport } from './deliver-outbox';

const ALERT_OUTBOX: Outbox<ClaimedNotification> = {
  claim: claimDueNotifications,
  send: (target, row, context) => sendNotification(target, { alert: row.alert, event: row.event, boardUrl: context.boardUrl }, context),
  markSent: markNotificationSent,
  recordFailure: async (tx, id, error, retryAt) => (await recordNotificationFailure(tx, id, error, retryAt)) !== null,
  describeFailure: (row) => ({
    target: { type: 'notification', id: String(row.id) },
    payload: { alertId: String(row.alertId), rule: row.alert.rule, dedupKey: row.alert.dedupKey, event: row.event },
  }),
};

/**
 * Sends every due alert notification once: success → sent; failure → retried later with backoff,
 * or after maxAttempts marked 'failed' and audited (kept visible, never dropped). Safe to run in
 * several workers at once: each row is claimed by one of them.
 */
export function deliverPendingNotifications(db: Db, options: DeliverOptions): Promise<DeliveryReport> {
  return deliverOutbox(db, ALERT_OUTBOX, options);
}
