import type { Db } from '../client';

export type AuditEventRow = {
  seq: string;
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  outcome: string;
  hash: string;
};

/** The newest events first, for the audit page. */
export async function listAuditEvents(db: Db, limit: number): Promise<AuditEventRow[]> {
  const rows = await db.auditEvent.findMany({
    orderBy: { seq: 'desc' },
    take: limit,
    select: { seq: true, at: true, actorId: true, actorName: true, action: true, targetType: true, targetId: true, outcome: true, hash: true },
  });
  return rows.map((row) => ({ ...row, seq: row.seq.toString() }));
}
