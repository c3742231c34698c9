import type { Environment } from '@/lib/config/environment';
import { readSecret } from '@/lib/config/read-secret';
import { buildPagerDutyEvent } from './build-pager-duty-event';
import { buildTeamsMessage } from './build-teams-message';
import { buildWebhookBody } from './build-webhook-body';
import type { NotificationMessage } from './notification-message';
import type { NotificationTarget } from './notification-target';
import { postJson, type PostOutcome } from './post-json';

export type SendOptions = { timeoutMs: number; env?: Environment; fetch?: typeof fetch; now?: () => Date };

/** Sends one message to one target; never throws (a missing secret is a failed attempt too). */
export async function sendNotification(target: NotificationTarget, message: NotificationMessage, options: SendOptions): Promise<PostOutcome> {
  const env = options.env ?? process.env;
  const post = { timeoutMs: options.timeoutMs, fetch: options.fetch };
  try {
    switch (target.kind) {
      case 'teams':
        return await postJson(readSecret(target.webhookUrlEnv, env) ?? '', buildTeamsMessage(message), post);
      case 'pagerduty':
        return await postJson(target.eventsUrl, buildPagerDutyEvent(message, readSecret(target.routingKeyEnv, env) ?? ''), post);
      case 'webhook': {
        const secretHeaders = Object.fromEntries(Object.entries(target.secretHeadersEnv ?? {}).map(([header, envName]) => [header, readSecret(envName, env) ?? '']));
        return await postJson(readSecret(target.urlEnv, env) ?? '', buildWebhookBody(message, options.now?.() ?? new Date()), { ...post, headers: { ...target.headers, ...secretHeaders } });
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
