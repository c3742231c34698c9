import type { Db } from '../client';

/** pending → sent, counting the attempt. False when the row was no longer pending. */
export async function markChangeNotificationSent(db: Db, id: bigint, sentAt: Date): Promise<boolean> {
  const { count } = await db.changeNotification.updateMany({ where: { id, status: 'pending' }, data: { status: 'sent', sentAt, attempts: { increment: 1 }, lastError: null } });
  return count === 1;
}
