import type { LifeboatConfig } from '@/lib/config/schema';
import { activeNotificationTargets } from '@/lib/notify/active-notification-targets';

/** Request notifications go to the chat and webhook targets; PagerDuty is for incidents (break-glass pages through its alert). */
export function requestTargets(config: LifeboatConfig): { name: string; kind: 'teams' | 'webhook' }[] {
  return activeNotificationTargets(config.notifications.targets).flatMap((target) => (target.kind === 'pagerduty' ? [] : [{ name: target.name, kind: target.kind }]));
}
