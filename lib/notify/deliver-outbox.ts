import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Environment } from '@/lib/config/environment';
import type { Db, DbTx } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/audit-event';
import { activeNotificationTargets } from './active-notification-targets';
import type { NotificationTarget } from './notification-target';
import type { PostOutcome } from './post-json';
import { retryDelayMs } from './retry-delay';

export type DeliverOptions = {
  /** config.notifications.targets; rows are matched to targets by name. */
  targets: readonly NotificationTarget[];
  /** The board's address for links (default LIFEBOAT_BASE_URL, else http://localhost:3000). */
  baseUrl?: string;
  env?: Environment;
  now?: () => Date;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** After this many failed attempts a notification is 'failed' (default 8: about 2.7 h of retries). */
  maxAttempts?: number;
  /** Rows claimed per call (default 50). */
  batchSize?: number;
  random?: () => number;
  fetch?: typeof fetch;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** What a sender gets besides the row: the board's address (ends in '/') and the request settings. */
export type SendContext = { boardUrl: string; timeoutMs: number; env: Environment; fetch?: typeof fetch; now: () => Date };

export type OutboxRow = { id: bigint; target: string; kind: string; attempts: number };

/** One outbox table's verbs: the alert notifications and the change-request notifications each have one. */
export type Outbox<Row extends OutboxRow> = {
  claim(db: Db, options: { now: Date; limit: number; leaseMs: number }): Promise<Row[]>;
  send(target: NotificationTarget, row: Row, context: SendContext): Promise<PostOutcome>;
  markSent(db: Db, id: bigint, sentAt: Date): Promise<boolean>;
  /** False when the row was no longer pending. */
  recordFailure(tx: DbTx, id: bigint, error: string, retryAt: Date | null): Promise<boolean>;
  /** The audit event's target and what identifies the row's subject, for a row given up as failed. */
  describeFailure(row: Row): { target: { type: string; id: string }; payload: Record<string, unknown> };
};

/**
 * Sends every due row of one outbox once, each target's in order: success → sent; failure → retried later with backoff, or
 * after maxAttempts marked 'failed' and audited as notification.failed (kept visible, never dropped).
 * Safe to run in several workers at once: each row is claimed by one of them.
 */
export async function deliverOutbox<Row extends OutboxRow>(db: Db, outbox: Outbox<Row>, options: DeliverOptions): Promise<DeliveryReport> {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const boardUrl = `${(options.baseUrl ?? env.LIFEBOAT_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '')}/`;
  const active = new Map(activeNotificationTargets(options.targets, env).map((target) => [target.name, target]));
  const context: SendContext = { boardUrl, timeoutMs, env, fetch: options.fetch, now };

  const claimed = await outbox.claim(db, { now: now(), limit: options.batchSize ?? 50, leaseMs: timeoutMs + 30_000 });
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };

  const deliver = async (row: Row) => {
    const target = active.get(row.target);
    const outcome = target ? await outbox.send(target, row, context) : { ok: false as const, error: `target ${row.target} is not configured, or its variables are unset` };
    if (outcome.ok) {
      if (await outbox.markSent(db, row.id, now())) report.sent += 1;
      return;
    }
    const attempts = row.attempts + 1;
    const retryAt = attempts >= maxAttempts ? null : new Date(now().getTime() + retryDelayMs(attempts, options.random));
    await db.$transaction(async (tx) => {
      if (!(await outbox.recordFailure(tx, row.id, outcome.error, retryAt))) return;
      if (retryAt) {
        report.retrying += 1;
        return;
      }
      report.failed += 1;
      const { target: auditTarget, payload } = outbox.describeFailure(row);
      await recordAuditEvent(
        { actor: SYSTEM_ACTOR, action: 'notification.failed', target: auditTarget, outcome: 'failure', payload: { ...payload, target: row.target, kind: row.kind, attempts, lastError: outcome.error } },
        tx,
      );
    });
  };

  // In id order within a target, targets side by side: a reader sees a request's events in the order
  // they happened, and an incident is never resolved before it was triggered.
  const byTarget = new Map<string, Row[]>();
  for (const row of [...claimed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) byTarget.set(row.target, [...(byTarget.get(row.target) ?? []), row]);
  await Promise.all(
    [...byTarget.values()].map(async (rows) => {
      for (const row of rows) await deliver(row);
    }),
  );
  return report;
}
