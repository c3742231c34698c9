import type { NotificationMessage } from './notification-message';

const text = (value: unknown, max = 300) => {
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
};

/**
 * A Teams incoming-webhook message carrying one Adaptive Card (1.4, what Teams renders): the
 * state and severity in words (never colour alone), the title, the facts, a link to the board.
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
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: [
            { type: 'TextBlock', text: `${firing ? '🔴 FIRING' : '✅ RESOLVED'} · ${alert.severity}`, weight: 'Bolder', color: firing ? 'Attention' : 'Good', wrap: true },
            { type: 'TextBlock', text: alert.title, size: 'Large', weight: 'Bolder', wrap: true },
            { type: 'FactSet', facts },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open the Lifeboat status board', url: boardUrl }],
        },
      },
    ],
  };
}
