import type { ChainedAuditEvent } from '@/lib/domain/audit-chain';
import type { Db } from '../client';

/** Events after `afterSeq`, oldest first, in the shape the chain check reads. */
export async function readAuditBatch(db: Db, afterSeq: bigint, size: number): Promise<ChainedAuditEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: size });
  return rows.map((row) => ({ ...row, payload: row.payload as unknown }));
}
