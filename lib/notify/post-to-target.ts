import type { Environment } from '@/lib/config/environment';
import { readSecret } from '@/lib/config/read-secret';
import type { NotificationTarget } from './notification-target';
import { postJson, type PostOutcome } from './post-json';

export type SendOptions = { timeoutMs: number; env?: Environment; fetch?: typeof fetch; now?: () => Date };

/** Each kind's body, built only for the target it goes to; a kind without a builder takes no such message. */
export type TargetBodies = { teams: () => unknown; webhook: (sentAt: Date) => unknown; pagerduty?: (routingKey: string) => unknown };

/** One POST to one target with its secrets read now; never throws (a missing secret is a failed attempt too). */
export async function postToTarget(target: NotificationTarget, bodies: TargetBodies, options: SendOptions): Promise<PostOutcome> {
  const env = options.env ?? process.env;
  const post = { timeoutMs: options.timeoutMs, fetch: options.fetch };
  try {
    switch (target.kind) {
      case 'teams':
        return await postJson(readSecret(target.webhookUrlEnv, env) ?? '', bodies.teams(), post);
      case 'pagerduty':
        if (!bodies.pagerduty) return { ok: false, error: `PagerDuty target ${target.name} takes alerts only` };
        return await postJson(target.eventsUrl, bodies.pagerduty(readSecret(target.routingKeyEnv, env) ?? ''), post);
      case 'webhook': {
        const secretHeaders = Object.fromEntries(Object.entries(target.secretHeadersEnv ?? {}).map(([header, envName]) => [header, readSecret(envName, env) ?? '']));
        return await postJson(readSecret(target.urlEnv, env) ?? '', bodies.webhook(options.now?.() ?? new Date()), { ...post, headers: { ...target.headers, ...secretHeaders } });
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
