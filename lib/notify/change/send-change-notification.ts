import type { NotificationTarget } from '../notification-target';
import type { PostOutcome } from '../post-json';
import { postToTarget, type SendOptions } from '../post-to-target';
import { buildChangeTeamsMessage } from './build-change-teams-message';
import { buildChangeWebhookBody } from './build-change-webhook-body';
import type { ChangeNotificationMessage } from './change-notification-message';

/** Sends one request event to a Teams or webhook target (PagerDuty is for incidents: a failed attempt); never throws. */
export function sendChangeNotification(target: NotificationTarget, message: ChangeNotificationMessage, options: SendOptions): Promise<PostOutcome> {
  return postToTarget(target, { teams: () => buildChangeTeamsMessage(message), webhook: (sentAt) => buildChangeWebhookBody(message, sentAt) }, options);
}
