import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import { cachedAuditVerdict } from '@/lib/audit/cached-audit-verdict';
import { getDb } from '@/lib/db/client';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The whole chain's verdict in words, and the first event that breaks it. */
export async function ChainVerdict() {
  const { verdict, wholeChainVerifiedAt, newerChecked, tookMs } = await cachedAuditVerdict(await getDb());
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="chain-verdict" data-ok={verdict.ok}>
      {verdict.ok ? (
        <>
          <StatusBadge tone="good" label="Intact" />
          <span className="text-sm text-slate-300">
            {plural(verdict.checked, 'event')}: each links to the one before it and hashes to what was stored.
          </span>
          {verdict.head ? (
            <span className="text-xs text-slate-400" data-testid="chain-head">
              Head #{verdict.head.seq.toString()}, hash{' '}
              <code className="font-mono break-all text-slate-300" title={verdict.head.hash}>
                {verdict.head.hash}
              </code>
            </span>
          ) : null}
        </>
      ) : (
        <>
          <StatusBadge tone="bad" label="Broken" />
          <span className="text-sm text-slate-200" data-testid="chain-break" data-seq={verdict.firstBreak.seq.toString()}>
            <a className="font-semibold underline" href={`/audit?before=${verdict.firstBreak.seq + BigInt(1)}#seq-${verdict.firstBreak.seq}`}>
              Event #{verdict.firstBreak.seq.toString()}
            </a>
            : {verdict.firstBreak.reason === 'content-altered' ? 'its content was changed after it was recorded' : 'the event before it is missing or was replaced'} ({verdict.firstBreak.detail}).{' '}
            {plural(verdict.checked, 'event')} before it are intact.
          </span>
        </>
      )}
      <span className="text-xs text-slate-400">
        Whole chain walked <RelativeTime iso={wholeChainVerifiedAt.toISOString()} />
        {newerChecked > 0 ? `, ${plural(newerChecked, 'newer event')} checked since` : ''} · {tookMs} ms
      </span>
    </div>
  );
}
