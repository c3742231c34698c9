import type { AuditFilter } from '@/lib/domain/audit-filter';
import type { Db } from '../client';
import { auditFilterWhere } from './audit-filter-where';

export type AuditEventRow = {
  seq: string;
  at: Date;
  actorId: string;
  actorName: string;
  actorRoles: string[];
  action: string;
  targetType: string;
  targetId: string;
  outcome: string;
  payload: unknown;
  hash: string;
};

export type AuditEventPage = { events: AuditEventRow[]; olderBefore: string | null };

/**
 * One page of events matching `filter`, newest first, strictly before seq `before` when given
 * (keyset paging: stable while new events arrive). `olderBefore` is the cursor of the next page.
 */
export async function listAuditEvents(db: Db, options: { filter?: AuditFilter; before?: bigint; limit: number }): Promise<AuditEventPage> {
  const where = auditFilterWhere(options.filter ?? {});
  if (options.before !== undefined) where.seq = { lt: options.before };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { seq: 'desc' },
    take: options.limit + 1,
    select: { seq: true, at: true, actorId: true, actorName: true, actorRoles: true, action: true, targetType: true, targetId: true, outcome: true, payload: true, hash: true },
  });
  const events = rows.slice(0, options.limit).map((row) => ({ ...row, seq: row.seq.toString(), payload: row.payload as unknown }));
  const olderBefore = rows.length > options.limit ? (events[events.length - 1]?.seq ?? null) : null;
  return { events, olderBefore };
}
