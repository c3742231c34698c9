import { buildPagerDutyEvent } from './build-pager-duty-event';
import { buildTeamsMessage } from './build-teams-message';
import { buildWebhookBody } from './build-webhook-body';
import type { NotificationMessage } from './notification-message';
import type { NotificationTarget } from './notification-target';
import type { PostOutcome } from './post-json';
import { postToTarget, type SendOptions } from './post-to-target';

export type { SendOptions } from './post-to-target';

/** Sends one alert message to one target; never throws (a missing secret is a failed attempt too). */
export function sendNotification(target: NotificationTarget, message: NotificationMessage, options: SendOptions): Promise<PostOutcome> {
  return postToTarget(
    target,
    { teams: () => buildTeamsMessage(message), pagerduty: (routingKey) => buildPagerDutyEvent(message, routingKey), webhook: (sentAt) => buildWebhookBody(message, sentAt) },
    options,
  );
}
