import { z } from 'zod';
import type { ChainedAuditEvent } from './audit-chain';

/**
 * One audit event as one line of JSON Lines: the export and the Blob mirror both write it, and the
 * offline verifier reads it back. It carries every hashed field, so the chain recomputes from it alone.
 */
export function formatAuditJsonLine(event: ChainedAuditEvent): string {
  return JSON.stringify({
    seq: event.seq.toString(),
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    actorRoles: event.actorRoles,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    outcome: event.outcome,
    payload: event.payload,
    prevHash: event.prevHash,
    hash: event.hash,
  });
}

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 hex digest');

const EventLine = z.strictObject({
  seq: z.string().regex(/^[1-9]\d{0,18}$/, 'not a sequence number'),
  at: z.iso.datetime(),
  actorId: z.string(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  outcome: z.string(),
  payload: z.unknown(),
  prevHash: Hash,
  hash: Hash,
});

/** The export's first line: what was exported and whether it is the whole chain. */
export const AuditExportHeader = z.object({
  format: z.literal('lifeboat-audit-export/1'),
  exportedAt: z.string(),
  exportedBy: z.string(),
  /** False for a filtered export: a subset whose links cannot be checked as a chain. */
  complete: z.boolean(),
  filter: z.record(z.string(), z.string()),
  /** The newest event when the export began: a complete export must end exactly here. */
  through: z.object({ seq: z.string(), hash: z.string() }).nullable(),
  note: z.string(),
});
export type AuditExportHeader = z.infer<typeof AuditExportHeader>;

export type ParsedAuditLine = { kind: 'event'; event: ChainedAuditEvent } | { kind: 'header'; header: AuditExportHeader } | { kind: 'invalid'; reason: string };

/** Reads one line back; anything that is neither an event nor an export header is reported as invalid. */
export function parseAuditJsonLine(line: string): ParsedAuditLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  if (value !== null && typeof value === 'object' && 'format' in value) {
    const header = AuditExportHeader.safeParse(value);
    return header.success ? { kind: 'header', header: header.data } : { kind: 'invalid', reason: `bad export header: ${header.error.issues[0]?.message ?? 'invalid'}` };
  }
  const parsed = EventLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', reason: `not an audit event: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}` };
  }
  const { seq, at, payload, ...rest } = parsed.data;
  return { kind: 'event', event: { ...rest, seq: BigInt(seq), at: new Date(at), payload } };
}
