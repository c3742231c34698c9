import type { DbTx } from '../client';

export type ChangeNotificationEvent = 'requested' | 'approved' | 'denied' | 'decision' | 'expired' | 'cancelled' | 'done' | 'failed' | 'drill-started';

/** One pending outbox row per target for a request event; the worker's notification loop delivers them. */
export async function enqueueChangeNotifications(tx: DbTx, requestId: string, event: ChangeNotificationEvent, targets: readonly { name: string; kind: string }[], at: Date): Promise<number> {
  if (targets.length === 0) return 0;
  const { count } = await tx.changeNotification.createMany({
    data: targets.map((target) => ({ requestId, event, target: target.name, kind: target.kind, status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at })),
  });
  return count;
}
