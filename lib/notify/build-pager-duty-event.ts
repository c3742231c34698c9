import type { Severity } from '@/lib/domain/readiness-types';
import type { NotificationMessage } from './notification-message';

const PAGER_DUTY_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning'> = { 'SEV-1': 'critical', 'SEV-2': 'error', 'SEV-3': 'warning' };

/**
 * An Events API v2 event. trigger and resolve carry the same dedup_key (the alert's), so
 * PagerDuty opens one incident and closes that one; resolve needs nothing else.
 */
export function buildPagerDutyEvent({ alert, event, boardUrl }: NotificationMessage, routingKey: string) {
  if (event === 'resolve') return { routing_key: routingKey, event_action: 'resolve' as const, dedup_key: alert.dedupKey };
  return {
    routing_key: routingKey,
    event_action: 'trigger' as const,
    dedup_key: alert.dedupKey,
    payload: {
      summary: `[${alert.severity}] ${alert.title}`.slice(0, 1024),
      source: new URL(boardUrl).host,
      severity: PAGER_DUTY_SEVERITY[alert.severity],
      timestamp: alert.firedAt.toISOString(),
      component: alert.rule,
      group: 'disaster-recovery',
      class: alert.rule,
      custom_details: alert.details,
    },
    client: 'Lifeboat',
    client_url: boardUrl,
    links: [{ href: boardUrl, text: 'Lifeboat status board' }],
  };
}
