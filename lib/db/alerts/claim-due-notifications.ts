import type { Db } from '../client';
import { toStoredAlert, toStoredNotification, type StoredAlert, type StoredNotification } from './stored-alert';

export type ClaimedNotification = StoredNotification & { alert: StoredAlert };
export type ClaimOptions = { now: Date; limit: number; leaseMs: number };

type ClaimRow = Parameters<typeof toStoredNotification>[0] & {
  a_id: bigint; a_rule: string; a_severity: string; a_dedupKey: string; a_state: string; a_title: string; a_details: unknown; a_firedAt: Date; a_resolvedAt: Date | null;
};

/**
 * Claims due pending notifications by pushing their nextAttemptAt out by a lease, skipping rows
 * another worker is claiming (FOR UPDATE SKIP LOCKED). Sending happens outside any transaction;
 * a worker that dies mid-send leaves the row due again when the lease runs out.
 */
export async function claimDueNotifications(db: Db, options: ClaimOptions): Promise<ClaimedNotification[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const rows = await db.$queryRaw<ClaimRow[]>`
    WITH due AS (
      SELECT "id" FROM "Notification"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${options.now}
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Notification" n SET "nextAttemptAt" = ${leaseUntil}
    FROM due, "Alert" a
    WHERE n."id" = due."id" AND a."id" = n."alertId"
    RETURNING n."id", n."alertId", n."event", n."target", n."kind", n."status", n."attempts", n."nextAttemptAt", n."lastError", n."sentAt", n."createdAt",
      a."id" AS "a_id", a."rule" AS "a_rule", a."severity" AS "a_severity", a."dedupKey" AS "a_dedupKey", a."state" AS "a_state", a."title" AS "a_title",
      a."details" AS "a_details", a."firedAt" AS "a_firedAt", a."resolvedAt" AS "a_resolvedAt"`;
  return rows
    .map((row) => ({
      ...toStoredNotification(row),
      alert: toStoredAlert({ id: row.a_id, rule: row.a_rule, severity: row.a_severity, dedupKey: row.a_dedupKey, state: row.a_state, title: row.a_title, details: row.a_details, firedAt: row.a_firedAt, resolvedAt: row.a_resolvedAt }),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
