import type { Environment } from '@/lib/config/environment';
import type { NotificationTarget } from './notification-target';

const set = (env: Environment, name: string | undefined) => name === undefined || (env[name] ?? '').trim() !== '';

/**
 * The targets notifications go to: all of them, except an `optional` target whose variables are
 * unset (the lab's inbox when the demo did not set them). A required target's variable cannot be
 * unset here: loading the configuration already refused that.
 */
export function activeNotificationTargets(targets: readonly NotificationTarget[], env: Environment = process.env): NotificationTarget[] {
  return targets.filter((target) => {
    if (!target.optional) return true;
    const names = target.kind === 'teams' ? [target.webhookUrlEnv] : target.kind === 'pagerduty' ? [target.routingKeyEnv] : [target.urlEnv, ...Object.values(target.secretHeadersEnv ?? {})];
    return names.every((name) => set(env, name));
  });
}
