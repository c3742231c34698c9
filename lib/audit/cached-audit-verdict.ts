import type { Db } from '@/lib/db/client';
import { verifyAuditChain, type ChainVerdict } from './verify-audit-chain';

/** How long a whole-chain verification stands before the next page view walks the chain again. */
export const FULL_VERIFY_EVERY_MS = 30_000;

export type AuditVerdictView = { verdict: ChainVerdict; wholeChainVerifiedAt: Date; newerChecked: number; tookMs: number };

type Cached = { verdict: ChainVerdict; fullAt: number };
const holder = globalThis as unknown as { lifeboatAuditVerdict?: Cached; lifeboatAuditVerifying?: Promise<AuditVerdictView> };

async function verify(db: Db): Promise<AuditVerdictView> {
  const started = performance.now();
  const cached = holder.lifeboatAuditVerdict;
  const fresh = cached && cached.verdict.ok && cached.verdict.head && Date.now() - cached.fullAt < FULL_VERIFY_EVERY_MS;
  // Between whole-chain walks, only events newer than the last verified head are checked.
  const verdict = fresh && cached.verdict.ok && cached.verdict.head ? await verifyAuditChain(db, { ...cached.verdict.head, checked: cached.verdict.checked }) : await verifyAuditChain(db);
  const fullAt = fresh ? cached.fullAt : Date.now();
  holder.lifeboatAuditVerdict = { verdict, fullAt };
  return { verdict, wholeChainVerifiedAt: new Date(fullAt), newerChecked: fresh ? verdict.checked - cached.verdict.checked : 0, tookMs: Math.round(performance.now() - started) };
}

/**
 * The chain's verdict for the audit page: the whole chain at most every 30 s, newer events on
 * every view; concurrent views share one verification.
 */
export function cachedAuditVerdict(db: Db): Promise<AuditVerdictView> {
  holder.lifeboatAuditVerifying ??= verify(db).finally(() => {
    holder.lifeboatAuditVerifying = undefined;
  });
  return holder.lifeboatAuditVerifying;
}
