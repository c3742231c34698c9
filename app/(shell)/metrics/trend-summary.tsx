import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import type { Trend } from '@/lib/metrics/measure-trend';
import { formatDuration } from '../_status/format-duration';

const DIRECTION: Record<Trend['direction'], { tone: Tone; label: string }> = {
  better: { tone: 'good', label: 'Improving' },
  worse: { tone: 'bad', label: 'Getting worse' },
  steady: { tone: 'good', label: 'Steady' },
  unknown: { tone: 'unknown', label: 'Too few to compare' },
};

function TrendCard({ measure, trend }: { measure: 'RTO' | 'RPO'; trend: Trend }) {
  const { tone, label } = DIRECTION[trend.direction];
  return (
    <div className="rounded-md border border-slate-800 bg-slate-950/60 p-3" data-testid={`trend-${measure.toLowerCase()}`} data-direction={trend.direction}>
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        {measure} <StatusBadge tone={tone} label={label} />
        {trend.recentWithinObjective !== null && <StatusBadge tone={trend.recentWithinObjective ? 'good' : 'bad'} label={trend.recentWithinObjective ? 'Recent events within objective' : 'Recent events over objective'} />}
      </h3>
      <p className="mt-2 text-sm text-slate-300">
        {trend.recent ? (
          <>
            Last {trend.recent.count}: mean {formatDuration(trend.recent.meanSeconds)}, worst {formatDuration(trend.recent.worstSeconds)}
            {trend.previous && (
              <>
                {' '}
                · previous {trend.previous.count}: mean {formatDuration(trend.previous.meanSeconds)}
              </>
            )}{' '}
            · objective {formatDuration(trend.objectiveSeconds)}
          </>
        ) : (
          <>Nothing measured yet · objective {formatDuration(trend.objectiveSeconds)}</>
        )}
      </p>
    </div>
  );
}

/** The last 4 measured events against the 4 before, and against the objectives. */
export function TrendSummary({ rto, rpo }: { rto: Trend; rpo: Trend }) {
  return (
    <section aria-labelledby="trend-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="trend-heading" className="text-lg font-semibold">
        Trend against the objectives
      </h2>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <TrendCard measure="RTO" trend={rto} />
        <TrendCard measure="RPO" trend={rpo} />
      </div>
    </section>
  );
}
