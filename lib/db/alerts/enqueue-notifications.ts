import type { DbTx } from '../client';
import type { NotificationEvent, NotificationKind } from './stored-alert';

export type NotificationTargetRef = { name: string; kind: NotificationKind };

/** One pending outbox row per target, due at once; returns how many were written. */
export async function enqueueNotifications(tx: DbTx, alertId: bigint, event: NotificationEvent, targets: readonly NotificationTargetRef[], at: Date): Promise<number> {
  if (targets.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: targets.map((target) => ({ alertId, event, target: target.name, kind: target.kind, status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at })),
  });
  return count;
}
