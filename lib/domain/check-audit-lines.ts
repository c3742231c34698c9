import { checkAuditBatch, GENESIS_HASH, hashAuditEvent } from './audit-chain';
import { parseAuditJsonLine, type AuditExportHeader } from './audit-json-line';

export type AuditLineProblem = {
  line: number;
  seq?: string;
  reason: 'invalid' | 'content-altered' | 'link-broken' | 'out-of-order' | 'not-from-genesis' | 'truncated';
  detail: string;
};

export type AuditLinesVerdict = {
  /** `chain`: links checked from the first event ever; `subset`: a filtered export, each event checked alone. */
  kind: 'chain' | 'subset';
  ok: boolean;
  events: number;
  header?: AuditExportHeader;
  first?: { seq: string; line: number };
  last?: { seq: string; hash: string; line: number };
  problem?: AuditLineProblem;
};

/**
 * Re-checks JSON Lines of audit events (an export, or the Blob mirror's day files concatenated in
 * name order) with the same hashing as the database chain. Stops at the first problem and names
 * its line and seq.
 */
export async function checkAuditLines(lines: AsyncIterable<string>): Promise<AuditLinesVerdict> {
  const verdict: AuditLinesVerdict = { kind: 'chain', ok: true, events: 0 };
  const fail = (problem: AuditLineProblem) => ({ ...verdict, ok: false, problem });
  let lineNo = 0;
  let prevHash = GENESIS_HASH;
  let prevSeq = BigInt(0);
  for await (const raw of lines) {
    lineNo += 1;
    const line = raw.trim();
    if (!line) continue;
    const parsed = parseAuditJsonLine(line);
    if (parsed.kind === 'invalid') return fail({ line: lineNo, reason: 'invalid', detail: parsed.reason });
    if (parsed.kind === 'header') {
      if (verdict.header || verdict.events > 0) return fail({ line: lineNo, reason: 'invalid', detail: 'an export header may only be the first line' });
      verdict.header = parsed.header;
      if (!parsed.header.complete) verdict.kind = 'subset';
      continue;
    }
    const { event } = parsed;
    const seq = event.seq.toString();
    if (event.seq <= prevSeq) return fail({ line: lineNo, seq, reason: 'out-of-order', detail: `seq ${seq} comes after seq ${prevSeq}: lines were reordered or repeated` });
    if (verdict.kind === 'subset') {
      // A subset's links point to events that were filtered out; each event's own hash still must hold.
      const recomputed = hashAuditEvent(event.prevHash, event);
      if (recomputed !== event.hash) return fail({ line: lineNo, seq, reason: 'content-altered', detail: `content hashes to ${recomputed.slice(0, 12)}…, the line says ${event.hash.slice(0, 12)}…` });
    } else {
      if (verdict.events === 0 && event.prevHash !== GENESIS_HASH) {
        return fail({ line: lineNo, seq, reason: 'not-from-genesis', detail: `the first event (seq ${seq}) does not start the chain: the events before it are missing` });
      }
      const result = checkAuditBatch(prevHash, [event]);
      if ('broken' in result) {
        const { reason, detail } = result.broken;
        if (reason === 'content-altered') return fail({ line: lineNo, seq, reason, detail: `its content was changed: ${detail}` });
        return fail({ line: lineNo, seq, reason, detail: `it does not follow the line before it (${detail}): an event was deleted, inserted or moved` });
      }
      prevHash = result.lastHash;
    }
    prevSeq = event.seq;
    verdict.events += 1;
    verdict.first ??= { seq, line: lineNo };
    verdict.last = { seq, hash: event.hash, line: lineNo };
  }
  const through = verdict.header?.complete ? verdict.header.through : null;
  if (through && (verdict.last?.seq !== through.seq || verdict.last.hash !== through.hash)) {
    return fail({ line: lineNo, seq: verdict.last?.seq, reason: 'truncated', detail: `the header says the export runs through seq ${through.seq}, but it ends at ${verdict.last ? `seq ${verdict.last.seq}` : 'no event'}: events at the end are missing or changed` });
  }
  return verdict;
}
