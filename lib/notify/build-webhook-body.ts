import type { NotificationMessage } from './notification-message';

/** The generic webhook's JSON: the event and the whole alert, ids as strings (JSON has no bigint). */
export function buildWebhookBody({ alert, event, boardUrl }: NotificationMessage, sentAt: Date) {
  return {
    event,
    alert: {
      id: String(alert.id),
      rule: alert.rule,
      severity: alert.severity,
      dedupKey: alert.dedupKey,
      state: alert.state,
      title: alert.title,
      details: alert.details,
      firedAt: alert.firedAt.toISOString(),
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    },
    boardUrl,
    sentAt: sentAt.toISOString(),
  };
}
