import Link from 'next/link';
import { RelativeTime } from '@/app/_components/relative-time';
import type { RunOfRequest } from '@/lib/db/runbooks/list-runs-of-request';
import { RUN_STATE } from './run-state-badge';

/** Every run of this request, newest first; the one shown above is marked. */
export function RunsList({ runs, shownId, requestId }: { runs: RunOfRequest[]; shownId: string; requestId: string }) {
  if (runs.length < 2) return null;
  return (
    <section aria-labelledby="runs-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="runs-heading" className="text-lg font-semibold">
        Runs <span className="text-sm font-normal text-slate-400">({runs.length})</span>
      </h2>
      <ul className="mt-2 space-y-1 text-sm" data-testid="runs-list">
        {runs.map((run) => (
          <li key={run.id} data-testid="runs-list-item" data-run-id={run.id} data-state={run.state}>
            <Link href={`/failovers/${requestId}?run=${run.id}`} aria-current={run.id === shownId ? 'true' : undefined} className="text-sky-300 underline-offset-2 hover:underline aria-[current]:font-semibold aria-[current]:text-white">
              {run.dryRun ? 'Dry run' : 'Execution'}
            </Link>{' '}
            <span className="text-slate-400">
              · {RUN_STATE[run.state].label} · started <RelativeTime iso={run.startedAt.toISOString()} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
