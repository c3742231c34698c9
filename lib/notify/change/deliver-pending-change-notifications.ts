import { claimDueChangeNotifications, type ClaimedChangeNotification } from '@/lib/db/approvals/claim-due-change-notifications';
import { markChangeNotificationSent } from '@/lib/db/approvals/mark-change-notification-sent';
import { recordChangeNotificationFailure } from '@/lib/db/approvals/record-change-notification-failure';
import type { Db } from '@/lib/db/client';
import { deliverOutbox, type DeliverOptions, type DeliveryReport, type Outbox } from '../deliver-outbox';
import { sendChangeNotification } from './send-change-notification';

const CHANGE_OUTBOX: Outbox<ClaimedChangeNotification> = {
  claim: claimDueChangeNotifications,
  send: (target, row, context) => sendChangeNotification(target, { request: row.request, event: row.event, at: row.createdAt, boardUrl: context.boardUrl }, context),
  markSent: markChangeNotificationSent,
  recordFailure: recordChangeNotificationFailure,
  describeFailure: (row) => ({ target: { type: 'change-notification', id: String(row.id) }, payload: { requestId: row.requestId, requestKind: row.request.kind, event: row.event } }),
};

/**
 * Sends every due change-request notification once, with the alert outbox's rules: retried with
 * backoff, after maxAttempts 'failed' and audited as notification.failed (with the request id).
 */
export function deliverPendingChangeNotifications(db: Db, options: DeliverOptions): Promise<DeliveryReport> {
  return deliverOutbox(db, CHANGE_OUTBOX, options);
}
