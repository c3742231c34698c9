/** Where the Blob mirror keeps day files: `events/<chain id>/2026-11-24.jsonl`, so name order is chain order. */
export const AUDIT_MIRROR_PREFIX = 'events/';

/**
 * A chain's id is the start of its first event's hash: two databases (a test's, a demo's) never
 * write into the same files, while a database restored from backup continues its own chain's files.
 */
export function auditChainId(firstEventHash: string): string {
  return firstEventHash.slice(0, 16);
}

/**
 * The day file an event goes to: its UTC day, but never a day before the file the previous event
 * went to. Clocks of different hosts may disagree around midnight; the files must still
 * concatenate, in name order, into the chain's order.
 */
export function auditMirrorBlobName(chainId: string, at: Date, previous: string | null): string {
  const name = `${AUDIT_MIRROR_PREFIX}${chainId}/${at.toISOString().slice(0, 10)}.jsonl`;
  return previous !== null && previous > name ? previous : name;
}
