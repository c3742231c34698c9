import type { Db } from '../client';

export type AuditHead = { seq: bigint; hash: string; at: Date };

/** The newest event (the chain's head), or null while the log is empty. */
export async function readAuditHead(db: Db): Promise<AuditHead | null> {
  return db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true, at: true } });
}
