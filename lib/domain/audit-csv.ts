import { canonicalJson, type ChainedAuditEvent } from './audit-chain';

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actorId', 'actorName', 'actorRoles', 'action', 'targetType', 'targetId', 'outcome', 'payload', 'prevHash', 'hash'] as const;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes doubled. A value a
 * spreadsheet would run as a formula (= + - @, tab, CR) gets a leading ' (OWASP CSV injection);
 * the JSON Lines export stays the exact, verifiable record.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV row with its CRLF line ending. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function formatAuditCsvRow(event: ChainedAuditEvent): string {
  return csvRow([
    event.seq.toString(),
    event.at.toISOString(),
    event.actorId,
    event.actorName,
    event.actorRoles.join(' '),
    event.action,
    event.targetType,
    event.targetId,
    event.outcome,
    canonicalJson(event.payload),
    event.prevHash,
    event.hash,
  ]);
}
