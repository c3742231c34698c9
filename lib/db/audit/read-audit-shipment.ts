import type { Db } from '../client';

export type AuditShipment = { sink: string; lastSeq: bigint; lastHash: string; lastAt: Date | null; blobName: string | null; updatedAt: Date };

/** How far the audit log has been shipped to `sink` (e.g. `blob:audit`); null before the first shipment. */
export async function readAuditShipment(db: Db, sink: string): Promise<AuditShipment | null> {
  return db.auditShipment.findUnique({ where: { sink } });
}
