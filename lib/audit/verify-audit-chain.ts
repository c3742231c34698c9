import { checkAuditBatch, GENESIS_HASH, type ChainBreak } from '@/lib/domain/audit-chain';
import type { Db } from '@/lib/db/client';
import { readAuditBatch } from '@/lib/db/audit/read-audit-batch';

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; firstBreak: ChainBreak };

const BATCH = 2000;

/** Walks the whole chain in order and names the first event whose content or link does not hold. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterSeq = BigInt(0);
  let checked = 0;
  for (;;) {
    const batch = await readAuditBatch(db, afterSeq, BATCH);
    if (batch.length === 0) return { ok: true, checked };
    const result = checkAuditBatch(prev, batch);
    if ('broken' in result) {
      checked += batch.findIndex((event) => event.seq === result.broken.seq);
      return { ok: false, checked, firstBreak: result.broken };
    }
    prev = result.lastHash;
    checked += batch.length;
    afterSeq = batch[batch.length - 1]!.seq;
  }
}
