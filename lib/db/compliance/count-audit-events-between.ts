import type { Db } from '../client';

/** Audit events recorded in [from, to). */
export async function countAuditEventsBetween(db: Db, period: { from: Date; to: Date }): Promise<number> {
  return db.auditEvent.count({ where: { at: { gte: period.from, lt: period.to } } });
}
