import type { Session } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { auditFilterParams, isFiltered, type AuditFilter } from '@/lib/domain/audit-filter';
import type { AuditExportHeader } from '@/lib/domain/audit-json-line';
import { recordAuditEvent } from './record-audit-event';
import { streamAuditExport, type AuditExportFormat } from './stream-audit-export';

export type AuditExport = { stream: ReadableStream<Uint8Array>; filename: string; complete: boolean; throughSeq: bigint };

const SUBSET_NOTE = 'Filtered export: a subset of the log. Each event carries its own hash, but the events between them are missing, so it cannot be verified as a chain; export without filters for that.';
const CHAIN_NOTE = 'The whole audit log from its first event through the "through" event: verify offline with `npm run audit:verify -- <this file>`.';

/**
 * Audits the export first (`audit.export`), then streams every event up to and including that
 * record: a complete export therefore ends with its own export event.
 */
export async function exportAuditLog(db: Db, session: Session, format: AuditExportFormat, filter: AuditFilter): Promise<AuditExport> {
  const complete = !isFiltered(filter);
  const filterParams = Object.fromEntries(auditFilterParams(filter));
  const recorded = await recordAuditEvent({
    actor: { id: session.userId, name: session.name, roles: session.roles },
    action: 'audit.export',
    target: { type: 'audit-log', id: format },
    outcome: 'success',
    payload: { format, complete, filter: filterParams },
  });
  const exportedAt = new Date();
  const header: AuditExportHeader = {
    format: 'lifeboat-audit-export/1',
    exportedAt: exportedAt.toISOString(),
    exportedBy: session.userId,
    complete,
    filter: filterParams,
    through: { seq: recorded.seq.toString(), hash: recorded.hash },
    note: complete ? CHAIN_NOTE : SUBSET_NOTE,
  };
  const stamp = exportedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return {
    stream: streamAuditExport(db, { format, filter, throughSeq: recorded.seq, header }),
    filename: `lifeboat-audit-${stamp}${complete ? '' : '-filtered'}.${format}`,
    complete,
    throughSeq: recorded.seq,
  };
}
