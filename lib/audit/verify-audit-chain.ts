import { checkAuditBatch, GENESIS_HASH, type ChainBreak } from '@/lib/domain/audit-chain';
import type { Db } from '@/lib/db/client';
import { readAuditBatch } from '@/lib/db/audit/read-audit-batch';

export type ChainVerdict = { ok: true; checked: number; head?: { seq: bigint; hash: string } } | { ok: false; checked: number; firstBreak: ChainBreak };

/** Where a verification may resume: after an event already verified, with the count so far. */
export type ChainCheckpoint = { seq: bigint; hash: string; checked: number };

const BATCH = 2000;

/**
 * Walks the chain in order (from the first event, or from a checkpoint) and names the first event
 * whose content or link does not hold. The next batch is read while this one is hashed.
 */
export async function verifyAuditChain(db: Db, from?: ChainCheckpoint): Promise<ChainVerdict> {
  let prev = from?.hash ?? GENESIS_HASH;
  let afterSeq = from?.seq ?? BigInt(0);
  let checked = from?.checked ?? 0;
  let next = readAuditBatch(db, afterSeq, BATCH);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return { ok: true, checked, ...(checked > 0 ? { head: { seq: afterSeq, hash: prev } } : {}) };
    afterSeq = batch[batch.length - 1]!.seq;
    next = readAuditBatch(db, afterSeq, BATCH);
    const result = checkAuditBatch(prev, batch);
    if ('broken' in result) {
      await next.catch(() => undefined);
      checked += batch.findIndex((event) => event.seq === result.broken.seq);
      return { ok: false, checked, firstBreak: result.broken };
    }
    prev = result.lastHash;
    checked += batch.length;
  }
}
