import { GENESIS_HASH, hashAuditEvent, type AuditFields, type ChainedAuditEvent } from '@/lib/domain/audit-chain';
import type { Db } from '../client';

/**
 * Tests: appends events with chosen times and fields (appendAuditEvent always stamps "now"),
 * correctly chained onto the current head. Returns them as stored.
 */
export async function insertAuditEvents(db: Db, events: readonly AuditFields[]): Promise<ChainedAuditEvent[]> {
  const head = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  let prevHash = head?.hash ?? GENESIS_HASH;
  const stored: ChainedAuditEvent[] = [];
  for (const fields of events) {
    const hash = hashAuditEvent(prevHash, fields);
    const row = await db.auditEvent.create({ data: { ...fields, payload: fields.payload as object, prevHash, hash } });
    stored.push({ ...row, payload: row.payload as unknown });
    prevHash = hash;
  }
  return stored;
}
