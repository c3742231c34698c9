import type { Db } from '../client';
import { toStoredNotification, type NotificationStatus, type StoredNotification } from './stored-alert';

export type ListNotificationsOptions = { status?: NotificationStatus; alertId?: bigint; limit?: number };

/** Notifications newest first, e.g. `{ status: 'failed' }` for the ones that never got through. */
export async function listNotifications(db: Db, options: ListNotificationsOptions = {}): Promise<StoredNotification[]> {
  const rows = await db.notification.findMany({
    where: { ...(options.status ? { status: options.status } : {}), ...(options.alertId !== undefined ? { alertId: options.alertId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
  });
  return rows.map(toStoredNotification);
}
