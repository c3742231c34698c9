import { expireDueChangeRequests } from '@/lib/approvals/expire-due-change-requests';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { closeFinishedDrills } from '@/lib/drills/close-finished-drills';
import { sendDueDrillReminders } from '@/lib/drills/send-due-drill-reminders';
import { sweepStaleWorkers, type SweptWorker } from '@/lib/db/workers/sweep-stale-workers';
import { NotLeaderError } from './not-leader-error';

export const CONTROL_PLANE_SWEEP_QUEUE = 'control-plane.sweep';
export const CONTROL_PLANE_SWEEP_CRON = '* * * * *';
/** A worker silent this long is marked stopped; the takeover bound the issue names. */
export const WORKER_STALE_AFTER_SECONDS = 30;

export type SweepContext = {
  db: Db;
  workerId: string;
  isLeader: () => boolean;
  log: (line: string) => void;
  /** Where expiry notifications go; absent (tests of other duties), change requests are not expired. */
  config?: LifeboatConfig;
  now?: () => Date;
};

/**
 * Leader-only, every minute: marks workers whose heartbeat is older than 30 s as stopped, so the
 * panel stops counting them, expires change requests past their expiry, moves drills whose
 * request ended to `ran` (or cancelled) and sends each drill's one reminder a day before it.
 */
export async function sweepControlPlane(context: SweepContext): Promise<SweptWorker[]> {
  // Checked when acting, not when the job was claimed: leadership may have moved in between.
  if (!context.isLeader()) throw new NotLeaderError(CONTROL_PLANE_SWEEP_QUEUE);
  const swept = await sweepStaleWorkers(context.db, {
    staleAfterSeconds: WORKER_STALE_AFTER_SECONDS,
    exceptWorkerId: context.workerId,
  });
  for (const worker of swept) {
    context.log(`marked worker ${worker.id} (${worker.region}) stopped: no heartbeat for ${WORKER_STALE_AFTER_SECONDS} s`);
  }
  const config = context.config;
  if (config) {
    const now = context.now?.() ?? new Date();
    const expired = await context.db.$transaction((tx) => expireDueChangeRequests(tx, config, now));
    for (const id of expired) context.log(`change request ${id} expired`);
    for (const drill of await closeFinishedDrills(context.db, { now })) context.log(`drill ${drill.id} ${drill.state} (its request ${drill.requestState})`);
    const reminders = await sendDueDrillReminders(context.db, config, { now });
    if (reminders.drills > 0) context.log(`drill reminders: ${reminders.drills} drills, ${reminders.sent} sent, ${reminders.failed} failed`);
  }
  return swept;
}
