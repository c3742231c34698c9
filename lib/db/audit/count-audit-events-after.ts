import type { Db } from '../client';

/** How many events have seq > `seq` (e.g. not yet shipped to the mirror). */
export async function countAuditEventsAfter(db: Db, seq: bigint): Promise<number> {
  return db.auditEvent.count({ where: { seq: { gt: seq } } });
}
