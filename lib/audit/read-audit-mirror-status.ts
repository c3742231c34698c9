import type { LifeboatConfig } from '@/lib/config/schema';
import { countAuditEventsAfter } from '@/lib/db/audit/count-audit-events-after';
import { readAuditBatch } from '@/lib/db/audit/read-audit-batch';
import { readAuditHead } from '@/lib/db/audit/read-audit-head';
import { readAuditShipment } from '@/lib/db/audit/read-audit-shipment';
import type { Db } from '@/lib/db/client';
import { auditMirrorSink } from './ship-audit-to-blob';

export type AuditMirrorStatus = {
  container: string;
  /** The newest event in the database. */
  head: { seq: string; at: Date } | null;
  /** The newest event in the Blob mirror, and when the worker last moved the mark. */
  shipped: { seq: string; at: Date | null; blobName: string | null; recordedAt: Date } | null;
  /** Events in the database that the mirror does not hold yet. */
  behind: number;
  /** The oldest unshipped event has waited over a minute: the worker is not shipping (it ships every 5 s). */
  stalled: boolean;
};

const STALLED_AFTER_MS = 60_000;

/** How far the Blob mirror is behind the database, from the shipping mark (no Blob call on a page view). */
export async function readAuditMirrorStatus(db: Db, config: LifeboatConfig): Promise<AuditMirrorStatus> {
  const container = config.components.blob.containers.audit;
  const [head, mark] = await Promise.all([readAuditHead(db), readAuditShipment(db, auditMirrorSink(container))]);
  const after = mark?.lastSeq ?? BigInt(0);
  const [behind, oldestWaiting] = head ? await Promise.all([countAuditEventsAfter(db, after), readAuditBatch(db, after, 1)]) : [0, []];
  const waitingSince = oldestWaiting[0]?.at;
  return {
    container,
    head: head ? { seq: head.seq.toString(), at: head.at } : null,
    shipped: mark ? { seq: mark.lastSeq.toString(), at: mark.lastAt, blobName: mark.blobName, recordedAt: mark.updatedAt } : null,
    behind,
    stalled: behind > 0 && waitingSince !== undefined && Date.now() - waitingSince.getTime() > STALLED_AFTER_MS,
  };
}
