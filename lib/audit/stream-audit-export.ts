import type { AuditFilter } from '@/lib/domain/audit-filter';
import { AUDIT_CSV_COLUMNS, csvRow, formatAuditCsvRow } from '@/lib/domain/audit-csv';
import { formatAuditJsonLine, type AuditExportHeader } from '@/lib/domain/audit-json-line';
import { readAuditExportBatch } from '@/lib/db/audit/read-audit-export-batch';
import type { Db } from '@/lib/db/client';

export type AuditExportFormat = 'jsonl' | 'csv';

export const EXPORT_BATCH = 1000;

/**
 * The export as a byte stream, one batch of events per pull (oldest first, up to `throughSeq`):
 * the log is never held in memory whole, and a slow reader slows the reads.
 */
export function streamAuditExport(db: Db, options: { format: AuditExportFormat; filter: AuditFilter; throughSeq: bigint; header: AuditExportHeader; batchSize?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const size = options.batchSize ?? EXPORT_BATCH;
  let afterSeq = BigInt(0);
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(options.format === 'jsonl' ? `${JSON.stringify(options.header)}\n` : csvRow(AUDIT_CSV_COLUMNS)));
          return;
        }
        const batch = await readAuditExportBatch(db, { filter: options.filter, afterSeq, throughSeq: options.throughSeq, size });
        if (batch.length === 0) {
          controller.close();
          return;
        }
        afterSeq = batch[batch.length - 1]!.seq;
        const text = batch.map((event) => (options.format === 'jsonl' ? `${formatAuditJsonLine(event)}\n` : formatAuditCsvRow(event))).join('');
        controller.enqueue(encoder.encode(text));
        if (batch.length < size) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
