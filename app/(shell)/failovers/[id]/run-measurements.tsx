import type { RunView } from '@/lib/run-view/run-view';
import { formatDuration } from '../../_status/format-duration';

function Measured({ testId, label, seconds, objectiveSeconds, pending, definition }: { testId: string; label: string; seconds: number | null; objectiveSeconds: number; pending: string; definition: string }) {
  const objective = `${Math.round(objectiveSeconds / 60)} min`;
  const met = seconds !== null && seconds <= objectiveSeconds;
  return (
    <div className="rounded-md border border-slate-800 bg-slate-950/60 p-3">
      <dt className="text-xs text-slate-400" title={definition}>
        Measured {label}
      </dt>
      <dd data-testid={testId} data-seconds={seconds ?? ''} className="mt-0.5 text-sm">
        {seconds === null ? (
          <span className="text-slate-400">{pending}</span>
        ) : (
          <>
            <span className="text-lg font-semibold tabular-nums">{formatDuration(seconds)}</span>{' '}
            <span className={met ? 'text-emerald-300' : 'text-rose-300'}>
              {met ? '✓ within' : '✗ over'} the {objective} objective
            </span>
          </>
        )}
      </dd>
    </div>
  );
}

/** The run's measured RTO (declared → serving) and RPO (failure → newest restored data), once the worker recorded them. */
export function RunMeasurements({ view }: { view: RunView }) {
  const pending = view.run.dryRun ? 'not measured: a dry run changes nothing' : view.run.state === 'running' ? 'measured once the target serves' : 'not recorded for this run';
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      <Measured testId="run-rto" label="RTO" seconds={view.measured.rtoSeconds} objectiveSeconds={view.measured.rtoObjectiveSeconds} pending={pending} definition="From the declared failover to the target region serving" />
      <Measured testId="run-rpo" label="RPO" seconds={view.measured.rpoSeconds} objectiveSeconds={view.measured.rpoObjectiveSeconds} pending={pending} definition="From the failure to the newest data the target restored" />
    </dl>
  );
}
