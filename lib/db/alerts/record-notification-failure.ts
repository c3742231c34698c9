import type { DbTx } from '../client';
import { toStoredNotification, type StoredNotification } from './stored-alert';

/**
 * Counts a failed attempt: retried at `retryAt`, or, with retryAt null, given up as 'failed'
 * (kept, never deleted, so it stays visible). Null when the row was no longer pending.
 */
export async function recordNotificationFailure(tx: DbTx, id: bigint, error: string, retryAt: Date | null): Promise<StoredNotification | null> {
  const rows = await tx.notification.updateManyAndReturn({
    where: { id, status: 'pending' },
    data: { attempts: { increment: 1 }, lastError: error.slice(0, 2000), ...(retryAt ? { nextAttemptAt: retryAt } : { status: 'failed' }) },
  });
  const row = rows[0];
  return row ? toStoredNotification(row) : null;
}
