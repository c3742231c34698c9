import { RelativeTime } from '@/app/_components/relative-time';
import type { ChangeFacts } from '../change-facts';

/** The key facts every confirmation repeats: what, from → to, what it may lose, which plan. */
export function ConfirmFacts({ facts }: { facts: ChangeFacts }) {
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="confirm-facts">
      <dt className="text-slate-400">Kind</dt>
      <dd className="font-medium">{facts.kind}</dd>
      <dt className="text-slate-400">From → to</dt>
      <dd className="font-medium">
        {facts.fromRegion} → {facts.toRegion}
        {facts.kind === 'drill' && <> → {facts.fromRegion} (and back)</>}
      </dd>
      <dt className="text-slate-400">Expected data loss</dt>
      <dd className="font-medium">{facts.expectedDataLoss}</dd>
      <dt className="text-slate-400">Pre-flight</dt>
      <dd className={facts.blockers > 0 ? 'font-medium text-rose-300' : undefined}>
        {facts.blockers} blocker{facts.blockers === 1 ? '' : 's'}, {facts.warnings} warning{facts.warnings === 1 ? '' : 's'} · measured <RelativeTime iso={facts.preflightAt} />
      </dd>
      <dt className="text-slate-400">Plan</dt>
      <dd>
        {facts.stepCount} steps, about {facts.totalMinutes} min · digest <code className="font-mono">{facts.digest.slice(0, 16)}…</code>
      </dd>
    </dl>
  );
}
