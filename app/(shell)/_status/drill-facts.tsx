import Link from 'next/link';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { DrillMilestones } from '@/lib/metrics/drill-milestones';
import { formatDuration } from './format-duration';
import { formatUtc } from '@/lib/domain/format-utc';


/** The DR plan's dashboard asks for the last successful drill; the next one says when it is tested again. */
export function DrillFacts({ drills }: { drills: DrillMilestones }) {
  const { lastSuccessful, next } = drills;
  return (
    <section aria-labelledby="drills-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="drills-heading" className="text-lg font-semibold">
        Drills
      </h2>
      <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-2">
        <div data-testid="last-successful-drill">
          <dt className="text-xs uppercase tracking-wide text-slate-400">Last successful drill</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            {lastSuccessful ? (
              <>
                <Link href={`/drills/${lastSuccessful.id}`} className="font-medium text-sky-300 underline-offset-2 hover:underline">
                  {formatUtc(lastSuccessful.at)}
                </Link>
                <span className="text-slate-300">
                  (RTO {formatDuration(lastSuccessful.rtoSeconds)}, RPO {formatDuration(lastSuccessful.rpoSeconds)}) · <RelativeTime iso={lastSuccessful.at} />
                </span>
              </>
            ) : (
              <>
                <StatusBadge tone="bad" label="None recorded" />
                <Link href="/drills" className="text-sky-300 underline-offset-2 hover:underline">
                  Drills
                </Link>
              </>
            )}
          </dd>
        </div>
        <div data-testid="next-drill">
          <dt className="text-xs uppercase tracking-wide text-slate-400">Next drill</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            {next ? (
              <>
                <Link href={`/drills/${next.id}`} className="font-medium text-sky-300 underline-offset-2 hover:underline">
                  {formatUtc(next.scheduledFor)}
                </Link>
                <span className="text-slate-300">
                  {next.title} · <RelativeTime iso={next.scheduledFor} />
                </span>
              </>
            ) : (
              <>
                <StatusBadge tone="warn" label="None scheduled" />
                <Link href="/drills" className="text-sky-300 underline-offset-2 hover:underline">
                  Schedule one on Drills
                </Link>
              </>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
