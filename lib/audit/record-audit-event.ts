import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import { getDb, type DbTx } from '@/lib/db/client';
import type { AuditEventInput } from '@/lib/domain/audit-event';

/**
 * Records an event. Pass `tx` when the event describes a change made in that transaction, so both
 * commit or neither does; without it the event commits on its own (sign-in, denials).
 */
export async function recordAuditEvent(input: AuditEventInput, tx?: DbTx): Promise<{ seq: bigint; hash: string }> {
  if (tx) return appendAuditEvent(tx, input);
  const db = await getDb();
  return db.$transaction((own) => appendAuditEvent(own, input));
}
