export type CardAction = { type: 'Action.OpenUrl'; title: string; url: string };

/** A Teams incoming-webhook message carrying one Adaptive Card 1.4 (the version Teams renders), full width. */
export function adaptiveCardMessage(body: readonly Record<string, unknown>[], actions: readonly CardAction[]) {
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
          body,
          actions,
        },
      },
    ],
  };
}
