'use client';

import { useState } from 'react';
import { RelativeTime } from '@/app/_components/relative-time';
import type { ManualReplicationJob } from '@/lib/jobs/request-replication-run';
import type { RunView } from '@/lib/replication/replication-overview';
import { formatBytes, formatMBps, formatRunDuration } from './format';
import { JOB_COPY, jobLabel } from './job-copy';
import { RunStateBadge } from './run-state-badge';
import { EmptyTableRow, TableHead } from '@/app/_components/table-head';

const SHOWN = 50;
const RUN_COLUMNS = [
  { label: 'Job' },
  { label: 'State' },
  { label: 'Started' },
  { label: 'Duration', align: 'right' },
  { label: 'Bytes', align: 'right' },
  { label: 'Throughput', align: 'right' },
  { label: 'Trigger' },
  { label: 'Result' },
] as const;

function Trigger({ run }: { run: RunView }) {
  if (run.trigger === 'manual') return <>on request{run.requestedBy ? <> by {run.requestedBy}</> : null}</>;
  if (run.trigger === 'schedule') return <>schedule</>;
  // requestedBy is runbook:<run id>:<step id>: the step is what a reader recognises.
  if (run.trigger === 'runbook') return <>runbook step{run.requestedBy ? <> {run.requestedBy.split(':').slice(2).join(':')}</> : null}</>;
  return <>{run.trigger}</>;
}

/** Every run with its outcome; errors in full, because they are what someone on call acts on. */
export function RunHistory({ runs, jobs }: { runs: RunView[]; jobs: readonly ManualReplicationJob[] }) {
  const [job, setJob] = useState<ManualReplicationJob | 'all'>('all');
  const shown = (job === 'all' ? runs : runs.filter((run) => run.job === job)).slice(0, SHOWN);
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Job history
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-300">
          Job
          <select value={job} onChange={(event) => setJob(event.target.value as ManualReplicationJob | 'all')} className="rounded-md border border-slate-700 bg-slate-950 px-2 py-1 text-slate-100">
            <option value="all">All jobs</option>
            {jobs.map((option) => (
              <option key={option} value={option}>
                {JOB_COPY[option].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="run-history">
          <caption className="sr-only">
            Newest {SHOWN} runs{job === 'all' ? ' of all jobs' : ` of ${JOB_COPY[job].label}`}
          </caption>
          <TableHead columns={RUN_COLUMNS} />
          <tbody className="divide-y divide-slate-800 align-top">
            {shown.length === 0 && (
              <EmptyTableRow columns={RUN_COLUMNS.length}>No run yet{job === 'all' ? '' : ` of ${JOB_COPY[job].label}`}.</EmptyTableRow>
            )}
            {shown.map((run) => (
              <tr key={run.id} data-testid="run-row" data-job={run.job} data-state={run.state} data-run-id={run.id}>
                <td className="py-2 pr-3">
                  <span className="font-medium">{jobLabel(run.job)}</span>
                  <span className="block text-xs text-slate-400">
                    {run.target} · {run.region}
                  </span>
                </td>
                <td className="py-2 pr-3">
                  <RunStateBadge state={run.state} />
                </td>
                <td className="whitespace-nowrap py-2 pr-3">
                  <RelativeTime iso={run.startedAt} />
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums" data-testid="run-duration">
                  {run.state === 'running' ? 'running…' : formatRunDuration(run.durationMs)}
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums" data-testid="run-bytes" title={run.bytes === null ? undefined : `${run.bytes.toLocaleString('en-US')} bytes`}>
                  {formatBytes(run.bytes)}
                  {run.job === 'retention' && run.bytes !== null && <span className="text-slate-400"> freed</span>}
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums" data-testid="run-throughput">
                  {formatMBps(run.throughputMBps)}
                </td>
                <td className="py-2 pr-3 text-slate-300">
                  <Trigger run={run} />
                </td>
                <td className="py-2">
                  {run.error && <p className="whitespace-pre-wrap break-words text-rose-300">{run.error}</p>}
                  {run.facts.length > 0 && <p className="break-all text-xs text-slate-400">{run.facts.join(' · ')}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
