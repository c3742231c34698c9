import type { ChainedAuditEvent } from '@/lib/domain/audit-chain';
import type { Db } from '../client';

/** One event by its sequence number, in the shape the chain check reads. */
export async function readAuditEvent(db: Db, seq: bigint): Promise<ChainedAuditEvent | null> {
  const row = await db.auditEvent.findUnique({ where: { seq } });
  return row ? { ...row, payload: row.payload as unknown } : null;
}
