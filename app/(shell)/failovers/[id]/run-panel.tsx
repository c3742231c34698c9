'use client';

import { FlaskConical } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { RelativeTime } from '@/app/_components/relative-time';
import type { RunView } from '@/lib/run-view/run-view';
import { KIND_LABEL } from '../change-copy';
import { AbortRunButton } from './abort-run-button';
import { RunAuditTrail } from './run-audit-trail';
import { RunDag } from './run-dag';
import { RunElapsedBar } from './run-elapsed-bar';
import { RunMeasurements } from './run-measurements';
import { RunStateBadge } from './run-state-badge';
import { useRunView, useTickingRunView } from './use-run-view';

/** Once a run has ended and its request is closed, the page reloads what the server holds (the request's state, the list of runs). */
function useRefreshWhenSettled(view: RunView) {
  const router = useRouter();
  const settled = view.run.state !== 'running' && !view.closing;
  const seen = useRef(settled);
  useEffect(() => {
    if (!seen.current && settled) router.refresh();
    seen.current = settled;
  }, [settled, router]);
}

/** The live run: state, elapsed against the RTO, measured RTO/RPO, abort, every step by stage, and the audit trail. */
export function RunPanel({ initial, canAbort }: { initial: RunView; canAbort: boolean }) {
  const { data, error, refetch } = useRunView(initial);
  const polled = data ?? initial;
  useRefreshWhenSettled(polled);
  const view = useTickingRunView(polled);
  const { run } = view;
  const running = run.state === 'running';
  const onAbortRequested = useCallback(() => void refetch(), [refetch]);
  const what = `${run.dryRun ? 'dry run' : KIND_LABEL[run.kind].toLowerCase()}`;
  return (
    <section aria-labelledby="run-heading" data-testid="run-view" data-run-id={run.id} data-dry-run={run.dryRun} className={`rounded-lg border bg-slate-900 p-4 ${run.dryRun ? 'border-amber-500/40' : 'border-sky-700/50'}`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="run-heading" className="text-lg font-semibold">
          {run.dryRun ? 'Dry run' : `${KIND_LABEL[run.kind]} run`} {run.fromRegion} → {run.toRegion}
        </h2>
        <RunStateBadge state={run.state} />
        {run.dryRun && (
          <span data-testid="run-dry-run-label" className="inline-flex items-center gap-1.5 rounded-full border border-amber-500/50 bg-amber-500/10 px-2.5 py-0.5 text-sm font-medium text-amber-200">
            <FlaskConical aria-hidden className="size-4" />
            Dry run — nothing changed
          </span>
        )}
        <span className="ml-auto text-xs text-slate-400">
          started <RelativeTime iso={run.startedAt} />
          {run.finishedAt && (
            <>
              {' '}
              · ended <RelativeTime iso={run.finishedAt} />
            </>
          )}
          {running && ' · live'}
        </span>
      </div>
      {running && run.waitingForWorker && (
        <p className="mt-2 text-sm text-slate-300" data-testid="run-waiting">
          Waiting for a worker to pick it up (the leading worker takes a run within seconds)…
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-amber-200">
          Live updates paused: {error.message}
        </p>
      )}
      <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-4">
        <RunElapsedBar progress={view.progress} clockFrom={view.rtoClock.from} running={running} dryRun={run.dryRun} />
        <RunMeasurements view={view} />
        {run.abortRequestedAt && (
          <p data-testid="run-abort-state" className="rounded-md border border-rose-500/40 bg-rose-500/10 p-2.5 text-sm text-rose-100">
            Abort requested by <span className="font-medium">{run.abortRequestedBy ?? 'unknown'}</span> <RelativeTime iso={run.abortRequestedAt} />
            {running ? ': running steps finish, nothing new starts.' : '.'}
          </p>
        )}
        {run.error && (
          <pre data-testid="run-error" className="whitespace-pre-wrap break-words rounded-md border border-rose-500/40 bg-rose-500/10 p-2.5 text-sm text-rose-100">
            {run.error}
          </pre>
        )}
        {canAbort && running && !run.abortRequestedAt && <AbortRunButton runId={run.id} what={what} onRequested={onAbortRequested} />}
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-300">Steps</h3>
          <RunDag view={view} />
        </div>
        <RunAuditTrail events={view.audit} />
      </div>
    </section>
  );
}
