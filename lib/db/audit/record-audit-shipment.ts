import type { Db } from '../client';

export type ShipmentMark = { lastSeq: bigint; lastHash: string; lastAt: Date; blobName: string };

/**
 * Moves the sink's mark from `expectedSeq` to `next`; false when someone else moved it first
 * (a conditional update: two shippers never both record, and the mark never goes backwards).
 */
export async function recordAuditShipment(db: Db, sink: string, expectedSeq: bigint, next: ShipmentMark): Promise<boolean> {
  const changed = await db.$executeRaw`
    INSERT INTO "AuditShipment" ("sink", "lastSeq", "lastHash", "lastAt", "blobName", "updatedAt")
    VALUES (${sink}, ${next.lastSeq}, ${next.lastHash}, ${next.lastAt}, ${next.blobName}, now())
    ON CONFLICT ("sink") DO UPDATE
      SET "lastSeq" = EXCLUDED."lastSeq", "lastHash" = EXCLUDED."lastHash", "lastAt" = EXCLUDED."lastAt", "blobName" = EXCLUDED."blobName", "updatedAt" = now()
      WHERE "AuditShipment"."lastSeq" = ${expectedSeq} AND EXCLUDED."lastSeq" > ${expectedSeq}`;
  return changed === 1;
}
