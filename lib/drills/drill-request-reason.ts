import type { DrillRecord } from '@/lib/db/drills/drill-record';
import { utcMinute } from '@/lib/notify/change/utc-minute';

/** The drill request's reason: approvers read it, and the drill-started announcement carries it to every target. */
export function drillRequestReason(drill: Pick<DrillRecord, 'title' | 'environment' | 'scheduledFor' | 'participants'>): string {
  return `Drill "${drill.title}" in environment ${drill.environment}, scheduled for ${utcMinute(drill.scheduledFor)}; participants: ${drill.participants.map((p) => p.userName).join(', ')}`.slice(0, 2000);
}
