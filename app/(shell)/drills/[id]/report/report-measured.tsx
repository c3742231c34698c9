import { describeDuration } from '@/lib/domain/describe-duration';
import { describeUtc } from '@/lib/drill-report/describe-report-values';
import type { DrillReport } from '@/lib/drill-report/drill-report';

function Measured({ testId, label, seconds, objectiveSeconds, definition }: { testId: string; label: string; seconds: number | null; objectiveSeconds: number; definition: string }) {
  const within = seconds !== null && seconds <= objectiveSeconds;
  return (
    <div className="rounded-md border border-slate-800 bg-slate-950/60 p-3">
      <dt className="text-xs text-slate-400">
        Measured {label} <span className="text-slate-400">({definition})</span>
      </dt>
      <dd data-testid={testId} data-seconds={seconds ?? ''} data-objective-seconds={objectiveSeconds} className="mt-0.5 text-sm">
        {seconds === null ? (
          <span className="text-slate-400">not measured</span>
        ) : (
          <>
            <span className="text-lg font-semibold tabular-nums">{describeDuration(seconds)}</span> <span className="text-slate-400 tabular-nums">({seconds} s)</span>{' '}
            <span className={within ? 'text-emerald-300' : 'text-rose-300'}>{within ? '✓ within' : '✗ beyond'}</span>
          </>
        )}{' '}
        <span className="text-slate-400">the {describeDuration(objectiveSeconds)} objective</span>
      </dd>
    </div>
  );
}

/** The run's RTO and RPO exactly as the worker recorded them, against the objectives, with the instants they were measured from. */
export function ReportMeasured({ run }: { run: NonNullable<DrillReport['run']> }) {
  const instants = [
    ['Failure declared', run.declaredAt],
    ['Primary failed', run.failureAt],
    ['Secondary serving', run.servingAt],
    ['Restored data as of', run.dataAsOf],
  ] as const;
  return (
    <>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Measured testId="report-rto" label="RTO" seconds={run.rtoSeconds} objectiveSeconds={run.rtoObjectiveSeconds} definition="declared → serving" />
        <Measured testId="report-rpo" label="RPO" seconds={run.rpoSeconds} objectiveSeconds={run.rpoObjectiveSeconds} definition="failure → newest restored data" />
      </dl>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm tabular-nums">
        {instants.map(([label, at]) => (
          <div key={label} className="contents">
            <dt className="text-slate-400">{label}</dt>
            <dd>{describeUtc(at)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
