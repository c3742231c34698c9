'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Lock, Play, TriangleAlert } from 'lucide-react';
import { useActionState, useEffect, useState, type ReactNode } from 'react';
import { RelativeTime } from '@/app/_components/relative-time';
import type { ActionResult } from '@/lib/actions/action-result';
import type { ManualReplicationJob } from '@/lib/jobs/request-replication-run';
import type { JobOverview, ReplicationOverview } from '@/lib/replication/replication-overview';
import { formatCount } from './format';
import { JOB_COPY } from './job-copy';
import { runReplicationJob } from './run-replication-job';
import { RunStateBadge } from './run-state-badge';
import { REPLICATION_QUERY_KEY } from './use-replication-overview';

const ROLE_NOTE_ID = 'run-now-role-note';

/** What a confirmation repeats before standby data is replaced or backups deleted. */
function ConfirmFacts({ job, overview }: { job: ManualReplicationJob; overview: ReplicationOverview }) {
  const secondary = overview.regions.secondary.label;
  if (job === 'qdrant-restore') {
    return (
      <>
        <p>
          The secondary Qdrant ({secondary}) replaces each collection with the newest verified snapshot in Blob. Anything written to the standby since is lost; the primary is not touched.
        </p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {overview.collections.map((c) => {
            const next = c.blob.ok ? c.blob.newest : null;
            return (
              <li key={c.collection}>
                <span className="font-medium">{c.collection}</span>: now {c.restored ? <>snapshot taken <RelativeTime iso={c.restored.snapshotCreatedAt} /> ({formatCount(c.restored.points, 'point')})</> : 'nothing restored'} →{' '}
                {next ? <>snapshot taken <RelativeTime iso={next.snapshotCreatedAt} /> ({formatCount(next.points, 'point')})</> : c.blob.ok ? 'no verified snapshot in Blob: the run will fail and change nothing' : 'the newest verified snapshot in Blob when it runs (Blob could not be read just now)'}
              </li>
            );
          })}
        </ul>
      </>
    );
  }
  if (job === 'redis-restore') {
    const backup = overview.redis.newestBackup;
    return (
      <p>
        The secondary Redis ({secondary}) replaces its keys with the newest verified backup
        {backup ? (
          <>
            {' '}
            (taken <RelativeTime iso={backup.takenAt} />, {formatCount(backup.keys, 'key')})
          </>
        ) : (
          ' (none exists yet: the run will fail and change nothing)'
        )}
        . Keys written to the secondary since are lost; the primary is not touched.
      </p>
    );
  }
  return (
    <p>
      Deletes from Blob the Qdrant snapshots older than {overview.retentionDays.qdrant} days and the Redis backups older than {overview.retentionDays.redis} days, keeping the newest verified one of each and any the standby holds. Deleted
      blobs cannot be brought back.
    </p>
  );
}

function Schedule({ job }: { job: JobOverview }) {
  if (job.schedule === null) return <>Not scheduled: runs on request.</>;
  return (
    <>
      Scheduled <code className="font-mono text-slate-300">{job.schedule}</code> (UTC)
      {job.nextRunAt && (
        <>
          , next <RelativeTime iso={job.nextRunAt} />
        </>
      )}
    </>
  );
}

function JobCard({ job, overview, canRun }: { job: JobOverview; overview: ReplicationOverview; canRun: boolean }) {
  const copy = JOB_COPY[job.job];
  const needsConfirm = copy.replacesStandbyData || copy.deletes;
  const [result, action, pending] = useActionState<ActionResult<{ requestId: string }> | null, FormData>(runReplicationJob, null);
  // The confirmation stays open until the answer to it arrives (a new result), or Cancel.
  const [openedWith, setOpenedWith] = useState<{ result: typeof result } | null>(null);
  const confirming = openedWith !== null && openedWith.result === result;
  const client = useQueryClient();
  useEffect(() => {
    if (result?.ok) void client.invalidateQueries({ queryKey: REPLICATION_QUERY_KEY });
  }, [result, client]);
  const disabledNote = canRun ? undefined : ROLE_NOTE_ID;

  let control: ReactNode;
  if (needsConfirm && confirming) {
    control = (
      <form action={action} className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
        <input type="hidden" name="job" value={job.job} />
        <p className="flex items-center gap-1.5 font-semibold text-amber-200">
          <TriangleAlert aria-hidden className="size-4" />
          {copy.deletes ? 'This deletes backups' : 'This replaces standby data'}
        </p>
        <div className="mt-1 text-slate-200">
          <ConfirmFacts job={job.job} overview={overview} />
        </div>
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="submit" disabled={pending || !canRun} className="rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-600 disabled:opacity-60">
            {pending ? 'Queuing…' : copy.deletes ? 'Confirm: delete old backups' : `Confirm: replace ${overview.regions.secondary.label} data`}
          </button>
          <button type="button" onClick={() => setOpenedWith(null)} disabled={pending} className="rounded-md border border-slate-600 px-3 py-1.5 hover:bg-slate-800">
            Cancel
          </button>
        </div>
      </form>
    );
  } else {
    const button = (
      <button
        type={needsConfirm ? 'button' : 'submit'}
        onClick={needsConfirm ? () => setOpenedWith({ result }) : undefined}
        disabled={!canRun || pending}
        aria-describedby={disabledNote}
        title={canRun ? undefined : 'Needs the Operator or Admin role'}
        className={`inline-flex items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm disabled:cursor-not-allowed disabled:opacity-60 ${needsConfirm ? 'border-amber-500/60 text-amber-100 hover:bg-amber-500/10' : 'border-slate-600 hover:bg-slate-800'}`}
      >
        {canRun ? <Play aria-hidden className="size-4" /> : <Lock aria-hidden className="size-4" />}
        {pending ? 'Queuing…' : copy.button}
      </button>
    );
    control = needsConfirm ? (
      button
    ) : (
      <form action={action}>
        <input type="hidden" name="job" value={job.job} />
        {button}
      </form>
    );
  }

  return (
    <li data-testid={`run-now-${job.job}`} className="flex flex-col gap-2 rounded-md border border-slate-800 bg-slate-950/60 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{copy.label}</h3>
        {job.latest ? (
          <span className="inline-flex items-center gap-2 text-xs text-slate-400">
            <RunStateBadge state={job.latest.state} />
            <RelativeTime iso={job.latest.startedAt} />
          </span>
        ) : (
          <span className="text-xs text-slate-400">never run</span>
        )}
      </div>
      <p className="text-sm text-slate-300">{copy.does}</p>
      <p className="text-xs text-slate-400">
        <Schedule job={job} />
      </p>
      <div className="mt-auto pt-1">{control}</div>
      <p role="status" className={`text-sm ${result?.ok ? 'text-emerald-300' : 'text-rose-300'}`}>
        {result?.message}
      </p>
    </li>
  );
}

/** Run a job now instead of waiting for its schedule; shown to everyone, usable by Operators and Admins. */
export function RunNowPanel({ overview, canRun, roles }: { overview: ReplicationOverview; canRun: boolean; roles: readonly string[] }) {
  return (
    <section aria-labelledby="run-now-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="run-now-heading" className="text-lg font-semibold">
        Run a job now
      </h2>
      <p id={ROLE_NOTE_ID} className="mt-1 text-sm text-slate-400">
        {canRun ? (
          'The leading worker runs it within seconds; every request is recorded in the audit log with your name. Jobs that replace standby data or delete backups ask first.'
        ) : (
          <>
            <Lock aria-hidden className="mr-1 inline size-3.5" />
            Running a job needs the Operator or Admin role; you hold {roles.length ? roles.join(', ') : 'no role'}. The buttons are disabled.
          </>
        )}
      </p>
      <ul className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {overview.jobs.map((job) => (
          <JobCard key={job.job} job={job} overview={overview} canRun={canRun} />
        ))}
      </ul>
    </section>
  );
}
