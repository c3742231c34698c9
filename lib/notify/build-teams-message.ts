import { adaptiveCardMessage } from './adaptive-card-message';
import type { NotificationMessage } from './notification-message';
import { shorten } from './shorten';

const text = (value: unknown) => shorten(typeof value === 'string' ? value : JSON.stringify(value));

/**
 * A Teams incoming-webhook message carrying one Adaptive Card: the state and severity in words
 * (never colour alone), the title, the facts, a link to the board.
 */
export function buildTeamsMessage({ alert, event, boardUrl }: NotificationMessage) {
  const firing = event === 'trigger';
  const facts = [
    { title: 'Severity', value: alert.severity },
    { title: 'State', value: firing ? 'FIRING' : 'RESOLVED' },
    { title: 'Rule', value: alert.rule },
    { title: 'Fired', value: `${alert.firedAt.toISOString()} (UTC)` },
    ...(alert.resolvedAt ? [{ title: 'Resolved', value: `${alert.resolvedAt.toISOString()} (UTC)` }] : []),
    ...Object.entries(alert.details).slice(0, 10).map(([key, value]) => ({ title: key, value: text(value) })),
  ];
  return adaptiveCardMessage(
    [
      { type: 'TextBlock', text: `${firing ? '🔴 FIRING' : '✅ RESOLVED'} · ${alert.severity}`, weight: 'Bolder', color: firing ? 'Attention' : 'Good', wrap: true },
      { type: 'TextBlock', text: alert.title, size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'FactSet', facts },
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the Lifeboat status board', url: boardUrl }],
  );
}
