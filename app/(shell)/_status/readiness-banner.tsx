import { CircleAlert, CircleCheck, CircleX, type LucideIcon } from 'lucide-react';
import { RelativeTime } from '@/app/_components/relative-time';
import type { Readiness, Verdict } from '@/lib/domain/readiness-types';
import type { StatusSnapshot } from '@/lib/status/status-snapshot';
import { formatDuration } from './format-duration';
import { VERDICT } from './status-tones';

const BANNER: Record<Verdict, { className: string; Icon: LucideIcon }> = {
  READY: { className: 'border-emerald-500/50 bg-emerald-500/10 text-emerald-200', Icon: CircleCheck },
  DEGRADED: { className: 'border-amber-500/50 bg-amber-500/10 text-amber-200', Icon: CircleAlert },
  NOT_READY: { className: 'border-rose-500/60 bg-rose-500/15 text-rose-200', Icon: CircleX },
};

const RTO_BASIS: Record<Readiness['rto']['basis'], string> = {
  'measured-drill': 'measured in the newest drill',
  'measured-failover': 'measured in the newest failover',
  'plan-estimate': "the plan's per-step estimates",
};

function Objective({ within }: { within: boolean | null }) {
  if (within === null) return <span className="text-slate-300">(cannot be judged)</span>;
  return within ? <span className="text-emerald-300">within objective</span> : <span className="font-semibold text-rose-300">over objective</span>;
}

/** "Could the standby take over right now?": the verdict, RPO, RTO, who serves, and why. */
export function ReadinessBanner({ snapshot }: { snapshot: StatusSnapshot }) {
  const { readiness, regions } = snapshot;
  const { className, Icon } = BANNER[readiness.verdict];
  const worst = readiness.rpo.worst;
  const serving = readiness.servingRegion ? `${regions[readiness.servingRegion].label} (${readiness.servingRegion})` : 'unknown';
  return (
    <section aria-labelledby="readiness-heading" className={`rounded-lg border-2 p-5 ${className}`}>
      <h2 id="readiness-heading" className="sr-only">
        Standby readiness
      </h2>
      <div className="flex flex-wrap items-center gap-x-8 gap-y-4">
        <p data-testid="readiness-verdict" data-verdict={readiness.verdict} className="flex items-center gap-3 text-4xl font-bold tracking-tight">
          <Icon aria-hidden className="size-10" />
          {VERDICT[readiness.verdict].label}
        </p>
        <dl className="grid flex-1 gap-x-8 gap-y-3 text-sm text-slate-100 sm:grid-cols-3">
          <div>
            <dt className="text-xs uppercase tracking-wide text-slate-400">Worst RPO (data a failover would lose)</dt>
            <dd className="mt-1" data-testid="readiness-rpo">
              {worst ? (
                <>
                  <span className="text-xl font-semibold">{formatDuration(worst.rpoSeconds)}</span> of {formatDuration(worst.objectiveSeconds)} · {worst.label}{' '}
                  <Objective within={worst.withinObjective} />
                  <span className="block text-xs text-slate-400">{worst.basis}</span>
                </>
              ) : (
                'no protected data set measured yet'
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs uppercase tracking-wide text-slate-400">Estimated RTO</dt>
            <dd className="mt-1" data-testid="readiness-rto">
              <span className="text-xl font-semibold">{readiness.rto.minutes} min</span> of {readiness.rto.objectiveMinutes} min <Objective within={readiness.rto.withinObjective} />
              <span className="block text-xs text-slate-400">
                from {RTO_BASIS[readiness.rto.basis]}: {readiness.rto.detail}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-xs uppercase tracking-wide text-slate-400">Serving region</dt>
            <dd className="mt-1" data-testid="serving-region">
              <span className="text-xl font-semibold">{serving}</span>
              <span className="block text-xs text-slate-400">
                {readiness.newestProbeAt ? (
                  <>
                    newest probe <RelativeTime iso={readiness.newestProbeAt} />
                  </>
                ) : (
                  'no probe has run yet'
                )}
              </span>
            </dd>
          </div>
        </dl>
      </div>
      {readiness.reasons.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Why</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="readiness-reasons">
            {readiness.reasons.map((reason, index) => (
              <li key={`${reason.component}-${index}`} className="flex items-start gap-2">
                {reason.severity === 'blocker' ? <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-rose-300" /> : <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-300" />}
                <span>
                  <span className="font-medium">{reason.severity === 'blocker' ? 'Blocker' : 'Warning'}</span> · {reason.component}: {reason.message}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
