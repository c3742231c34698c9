import type { AuditEventInput } from '@/lib/domain/audit-event';
import type { Db } from '../client';
import { appendAuditEvent, AUDIT_CHAIN_LOCK } from './append-audit-event';

// Used at process start, when the pool is busiest: wait longer for a connection than Prisma's 2 s.
const START_UP_PATIENCE = { maxWait: 15_000, timeout: 15_000 };

/**
 * Appends the event unless one with the same action and target is already recorded; checked under
 * the chain's lock, so processes starting together record it once. Returns whether it appended.
 */
export async function appendAuditEventOnce(db: Db, input: AuditEventInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
    const seen = await tx.auditEvent.findFirst({ where: { targetType: input.target.type, targetId: input.target.id, action: input.action }, select: { seq: true } });
    if (seen) return false;
    await appendAuditEvent(tx, input);
    return true;
  }, START_UP_PATIENCE);
}
