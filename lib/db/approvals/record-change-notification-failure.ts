import type { DbTx } from '../client';

/**
 * Counts a failed attempt: retried at `retryAt`, or, with retryAt null, given up as 'failed'
 * (kept, never deleted, so it stays visible). False when the row was no longer pending.
 */
export async function recordChangeNotificationFailure(tx: DbTx, id: bigint, error: string, retryAt: Date | null): Promise<boolean> {
  const { count } = await tx.changeNotification.updateMany({
    where: { id, status: 'pending' },
    data: { attempts: { increment: 1 }, lastError: error.slice(0, 2000), ...(retryAt ? { nextAttemptAt: retryAt } : { status: 'failed' }) },
  });
  return count === 1;
}
