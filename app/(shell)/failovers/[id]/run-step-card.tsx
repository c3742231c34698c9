import { Route } from 'lucide-react';
import { RelativeTime } from '@/app/_components/relative-time';
import { describeOffset } from '@/lib/domain/describe-offset';
import type { RunViewStep } from '@/lib/run-view/run-view';
import { StepStateBadge } from './run-state-badge';
import { StepOutputDetails } from './step-output';

const BORDER: Record<RunViewStep['state'], string> = {
  pending: 'border-slate-800',
  running: 'border-sky-600/70',
  succeeded: 'border-emerald-700/60',
  failed: 'border-rose-600/70',
  skipped: 'border-slate-800',
  aborted: 'border-amber-600/60',
};

/** One step of a run: its state in words, when it started (T+), how long it took, its attempts, output and error. */
export function RunStepCard({ step, titleOf, dryRun }: { step: RunViewStep; titleOf: (id: string) => string; dryRun: boolean }) {
  const wouldDo = typeof step.output?.wouldDo === 'string' ? step.output.wouldDo : null;
  return (
    <li
      data-testid={`step-${step.stepId}`}
      data-state={step.state}
      data-stage={step.stage}
      aria-label={`${step.title}: ${step.state}`}
      className={`rounded-md border bg-slate-950/60 p-3 text-sm ${BORDER[step.state]}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 font-medium">{step.title}</p>
        <StepStateBadge state={step.state} />
      </div>
      <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-400">
        <span className="font-mono">{step.action}</span>
        {step.optional && <span>· optional</span>}
        {step.onCriticalPath && (
          <span className="inline-flex items-center gap-1 text-amber-200" title="The chain of steps that set how long the run took">
            <Route aria-hidden className="size-3" />
            critical path
          </span>
        )}
      </p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs tabular-nums">
        <dt className="text-slate-400">Started</dt>
        <dd data-testid="step-started">{step.offsetSeconds === null || step.startedAt === null ? 'not yet' : <span title={step.startedAt}>T+ {describeOffset(step.offsetSeconds)}</span>}</dd>
        <dt className="text-slate-400">{step.state === 'running' ? 'Running for' : 'Took'}</dt>
        <dd data-testid="step-duration">{step.durationSeconds === null ? '—' : describeOffset(step.durationSeconds)}</dd>
        <dt className="text-slate-400">Attempts</dt>
        <dd data-testid="step-attempts">{step.attempt}</dd>
        <dt className="text-slate-400">Waits for</dt>
        <dd>{step.dependsOn.length === 0 ? 'nothing' : step.dependsOn.map(titleOf).join(', ')}</dd>
        {step.finishedAt && (
          <>
            <dt className="text-slate-400">Ended</dt>
            <dd>
              <RelativeTime iso={step.finishedAt} />
            </dd>
          </>
        )}
      </dl>
      {dryRun && wouldDo && (
        <p className="mt-2 rounded border border-amber-500/30 bg-amber-500/5 p-2 text-xs text-amber-100" data-testid="step-would-do">
          <span className="font-medium">Would do: </span>
          {wouldDo}
        </p>
      )}
      {step.output && <StepOutputDetails output={step.output} />}
      {step.error && (
        <pre className="mt-2 whitespace-pre-wrap break-words rounded border border-rose-500/40 bg-rose-500/10 p-2 text-xs text-rose-100" data-testid="step-error">
          {step.error}
        </pre>
      )}
    </li>
  );
}
