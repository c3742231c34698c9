import type { Environment } from '@/lib/config/environment';
import type { LifeboatConfig } from '@/lib/config/schema';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db } from '@/lib/db/client';
import { claimDueDrillReminders } from '@/lib/db/drills/claim-due-drill-reminders';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import { activeNotificationTargets } from '@/lib/notify/active-notification-targets';
import { postToTarget } from '@/lib/notify/post-to-target';
import { drillReminderBodies } from './drill-reminder-bodies';

export const DRILL_REMINDER_HORIZON_MS = 24 * 3600_000;

export type ReminderOptions = { now?: Date; env?: Environment; fetch?: typeof fetch; timeoutMs?: number };
export type ReminderReport = { drills: number; sent: number; failed: number };

/**
 * One reminder per drill starting within 24 h, to its participants through the chat and webhook
 * targets. The drill is marked reminded (and audited `drill.reminder`) before sending, so it is
 * sent at most once; a target that refuses is audited `drill.reminder-failed`, not retried.
 */
export async function sendDueDrillReminders(db: Db, config: LifeboatConfig, options: ReminderOptions = {}): Promise<ReminderReport> {
  const now = options.now ?? new Date();
  const env = options.env ?? process.env;
  const targets = activeNotificationTargets(config.notifications.targets, env).filter((target) => target.kind !== 'pagerduty');
  const boardUrl = `${(env.LIFEBOAT_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '')}/`;
  const drills = await db.$transaction(async (tx) => {
    const claimed = await claimDueDrillReminders(tx, now, DRILL_REMINDER_HORIZON_MS);
    for (const drill of claimed) {
      await appendAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: 'drill.reminder',
        target: { type: 'drill', id: drill.id },
        outcome: 'success',
        payload: { scheduledFor: drill.scheduledFor.toISOString(), participants: drill.participants.map((p) => p.userId), targets: targets.map((t) => t.name) },
      });
    }
    return claimed;
  });
  const report: ReminderReport = { drills: drills.length, sent: 0, failed: 0 };
  for (const drill of drills) {
    const bodies = drillReminderBodies(drill, boardUrl);
    for (const target of targets) {
      const outcome = await postToTarget(target, bodies, { timeoutMs: options.timeoutMs ?? 10_000, env, fetch: options.fetch, now: () => now });
      if (outcome.ok) {
        report.sent += 1;
        continue;
      }
      report.failed += 1;
      await db.$transaction((tx) => appendAuditEvent(tx, { actor: SYSTEM_ACTOR, action: 'drill.reminder-failed', target: { type: 'drill', id: drill.id }, outcome: 'failure', payload: { target: target.name, kind: target.kind, error: outcome.error } }));
    }
  }
  return report;
}
