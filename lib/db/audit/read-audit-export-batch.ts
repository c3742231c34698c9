import type { ChainedAuditEvent } from '@/lib/domain/audit-chain';
import type { AuditFilter } from '@/lib/domain/audit-filter';
import type { Db } from '../client';
import { auditFilterWhere } from './audit-filter-where';

/** Events matching `filter` with afterSeq < seq ≤ throughSeq, oldest first: one batch of an export. */
export async function readAuditExportBatch(db: Db, options: { filter: AuditFilter; afterSeq: bigint; throughSeq: bigint; size: number }): Promise<ChainedAuditEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { ...auditFilterWhere(options.filter), seq: { gt: options.afterSeq, lte: options.throughSeq } },
    orderBy: { seq: 'asc' },
    take: options.size,
  });
  return rows.map((row) => ({ ...row, payload: row.payload as unknown }));
}
