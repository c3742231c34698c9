import { createHash } from 'node:crypto';

/** The hash of the event before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  at: Date;
  actorId: string;
  actorName: string;
  actorRoles: string[];
  action: string;
  targetType: string;
  targetId: string;
  outcome: string;
  payload: unknown;
};

export type ChainedAuditEvent = AuditFields & { seq: bigint; prevHash: string; hash: string };

export type ChainBreak = { seq: bigint; reason: 'content-altered' | 'link-broken'; detail: string };

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 over the previous hash and every field of the event. */
export function hashAuditEvent(prevHash: string, fields: AuditFields): string {
  const { actorId, actorName, actorRoles, action, targetType, targetId, outcome, payload } = fields;
  const body = canonicalJson({ prevHash, at: fields.at.toISOString(), actorId, actorName, actorRoles, action, targetType, targetId, outcome, payload });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Checks one ordered batch of events, given the hash that must precede it; returns the first
 * broken link, or the hash to carry into the next batch.
 */
export function checkAuditBatch(expectedPrev: string, events: readonly ChainedAuditEvent[]): { broken: ChainBreak } | { lastHash: string } {
  let prev = expectedPrev;
  for (const event of events) {
    if (event.prevHash !== prev) {
      return { broken: { seq: event.seq, reason: 'link-broken', detail: `points to ${event.prevHash.slice(0, 12)}…, the event before it hashes to ${prev.slice(0, 12)}…` } };
    }
    const recomputed = hashAuditEvent(event.prevHash, event);
    if (recomputed !== event.hash) {
      return { broken: { seq: event.seq, reason: 'content-altered', detail: `content hashes to ${recomputed.slice(0, 12)}…, stored hash is ${event.hash.slice(0, 12)}…` } };
    }
    prev = event.hash;
  }
  return { lastHash: prev };
}
