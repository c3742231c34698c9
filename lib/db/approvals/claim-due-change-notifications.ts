import type { Db } from '../client';
import { toChangeRequestRecord, WITH_HISTORY, type ChangeRequestRecord } from './change-request-record';
import type { ChangeNotificationEvent } from './enqueue-change-notifications';

export type ClaimedChangeNotification = {
  id: bigint;
  requestId: string;
  event: ChangeNotificationEvent;
  target: string;
  kind: string;
  attempts: number;
  createdAt: Date;
  /** The request as stored now, with its decisions (oldest first) and transitions. */
  request: ChangeRequestRecord;
};

type LeasedRow = Omit<ClaimedChangeNotification, 'event' | 'request'> & { event: string };

/**
 * Claims due pending change notifications like claimDueNotifications (a lease on nextAttemptAt,
 * FOR UPDATE SKIP LOCKED), then reads their requests with decisions and transitions: messages
 * are built when sent, from the request as stored.
 */
export async function claimDueChangeNotifications(db: Db, options: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedChangeNotification[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const leased = await db.$queryRaw<LeasedRow[]>`
    UPDATE "ChangeNotification" SET "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "ChangeNotification" WHERE "status" = 'pending' AND "nextAttemptAt" <= ${options.now}
      ORDER BY "nextAttemptAt", "id" LIMIT ${options.limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "requestId", "event", "target", "kind", "attempts", "createdAt"`;
  if (leased.length === 0) return [];
  const requests = await db.changeRequest.findMany({ where: { id: { in: [...new Set(leased.map((row) => row.requestId))] } }, include: WITH_HISTORY });
  const byId = new Map(requests.map((row) => [row.id, toChangeRequestRecord(row)]));
  return leased
    .flatMap((row) => {
      const request = byId.get(row.requestId);
      // The event column is written only by enqueueChangeNotifications, with these values.
      return request ? [{ ...row, event: row.event as ChangeNotificationEvent, request }] : [];
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
