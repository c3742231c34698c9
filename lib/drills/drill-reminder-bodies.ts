import type { DueDrillReminder } from '@/lib/db/drills/claim-due-drill-reminders';
import { adaptiveCardMessage } from '@/lib/notify/adaptive-card-message';
import type { TargetBodies } from '@/lib/notify/post-to-target';
import { utcMinute } from '@/lib/notify/change/utc-minute';

/** The reminder in one sentence, the same in every channel: which drill, when, where, who, and the link. */
export function describeDrillReminder(drill: DueDrillReminder, drillUrl: string): string {
  const who = drill.participants.map((p) => p.userName).join(', ');
  return `Reminder: drill "${drill.title}" (environment ${drill.environment}) is scheduled for ${utcMinute(drill.scheduledFor)}; participants: ${who}; open ${drillUrl}`;
}

/** The Teams card and the webhook JSON of a drill reminder (PagerDuty takes none: it is for incidents). */
export function drillReminderBodies(drill: DueDrillReminder, boardUrl: string): TargetBodies {
  const url = `${boardUrl}drills/${drill.id}`;
  const text = describeDrillReminder(drill, url);
  return {
    teams: () =>
      adaptiveCardMessage(
        [
          { type: 'TextBlock', text: '⏰ DRILL REMINDER', weight: 'Bolder', color: 'Accent', wrap: true },
          { type: 'TextBlock', text: drill.title, size: 'Large', weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text, wrap: true },
        ],
        [{ type: 'Action.OpenUrl', title: 'Open the drill in Lifeboat', url }],
      ),
    webhook: (sentAt) => ({
      event: 'drill-reminder',
      text,
      url,
      drill: { id: drill.id, title: drill.title, environment: drill.environment, scheduledFor: drill.scheduledFor.toISOString(), participants: drill.participants.map((p) => p.userName) },
      sentAt: sentAt.toISOString(),
    }),
  };
}
