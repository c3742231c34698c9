'use client';

import { useState } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ManualReplicationJob } from '@/lib/jobs/request-replication-run';
import type { RunView } from '@/lib/replication/replication-overview';
import { formatMBps, formatRunDuration } from './format';
import { JOB_COPY } from './job-copy';
import { formatUtc } from '@/lib/domain/format-utc';

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Duration (bars, red when the run failed) and throughput (line) of a job's recent finished runs. */
export function RunChart({ runs, jobs }: { runs: RunView[]; jobs: readonly ManualReplicationJob[] }) {
  const [job, setJob] = useState<ManualReplicationJob>(jobs[0] ?? 'qdrant-snapshot');
  const finished = runs.filter((run) => run.job === job && run.state !== 'running' && run.durationMs !== null).reverse();
  const data = finished.map((run) => ({ at: run.startedAt, target: run.target, state: run.state, durationS: (run.durationMs ?? 0) / 1000, mbps: run.throughputMBps }));
  const rates = finished.flatMap((run) => (run.throughputMBps === null ? [] : [run.throughputMBps]));
  const durations = finished.map((run) => run.durationMs ?? 0);
  const failed = finished.filter((run) => run.state === 'failed').length;
  const hasRate = rates.length > 0;
  return (
    <section aria-labelledby="run-chart-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="run-chart-heading" className="text-lg font-semibold">
          Duration and throughput
        </h2>
        <div role="group" aria-label="Job shown in the chart" className="inline-flex flex-wrap overflow-hidden rounded-md border border-slate-700 text-sm">
          {jobs.map((option) => (
            <button key={option} type="button" aria-pressed={option === job} onClick={() => setJob(option)} className={`px-3 py-1 ${option === job ? 'bg-sky-700 text-white' : 'text-slate-300 hover:bg-slate-800'}`}>
              {JOB_COPY[option].label}
            </button>
          ))}
        </div>
      </div>
      <figure className="mt-3">
        {data.length === 0 ? (
          <p className="flex h-32 items-center justify-center rounded-md border border-dashed border-slate-700 text-sm text-slate-400">No finished {JOB_COPY[job].label} run yet.</p>
        ) : (
          <div className="h-64" aria-hidden>
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="#1e293b" />
                <XAxis dataKey="at" tickFormatter={(iso: string) => iso.slice(11, 16)} stroke="#94a3b8" fontSize={12} minTickGap={32} />
                <YAxis yAxisId="duration" stroke="#94a3b8" fontSize={12} unit=" s" width={56} />
                {hasRate && <YAxis yAxisId="rate" orientation="right" stroke="#fbbf24" fontSize={12} unit=" MB/s" width={76} />}
                <Tooltip
                  contentStyle={{ background: '#0f172a', border: '1px solid #334155' }}
                  labelFormatter={(label) => formatUtc(String(label), true)}
                  formatter={(value, name) => (typeof value !== 'number' ? 'none' : name === 'Throughput' ? formatMBps(value) : formatRunDuration(value * 1000))}
                />
                <Legend />
                <Bar yAxisId="duration" name="Duration" dataKey="durationS" fill="#38bdf8" isAnimationActive={false} maxBarSize={24}>
                  {data.map((point) => (
                    <Cell key={point.at + point.target} fill={point.state === 'failed' ? '#f43f5e' : '#38bdf8'} />
                  ))}
                </Bar>
                {hasRate && <Line yAxisId="rate" name="Throughput" dataKey="mbps" stroke="#fbbf24" dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />}
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        )}
        <figcaption className="mt-2 text-sm text-slate-300" data-testid="run-chart-caption">
          {finished.length === 0 ? (
            <>Each finished run will show here: its duration as a bar (red when it failed) and its throughput as a line.</>
          ) : (
            <>
              The last {finished.length} finished {JOB_COPY[job].label} runs{failed > 0 && <>, {failed} failed (red bars)</>}: median duration {formatRunDuration(median(durations))}
              {hasRate && (
                <>
                  , median throughput {formatMBps(median(rates))}, newest {formatMBps(rates.at(-1))}
                </>
              )}
              . Throughput is bytes over the whole run.
            </>
          )}
        </figcaption>
      </figure>
    </section>
  );
}
