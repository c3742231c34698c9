'use client';

import { RelativeTime } from '@/app/_components/relative-time';
import type { ReplicationOverview } from '@/lib/replication/replication-overview';
import { DataLossSummary } from './data-loss-summary';
import { formatUtc } from '@/lib/domain/format-utc';
import { JOB_COPY } from './job-copy';
import { RedisPanel } from './redis-panel';
import { RunChart } from './run-chart';
import { RunHistory } from './run-history';
import { RunNowPanel } from './run-now-panel';
import { SidesTable } from './sides-table';
import { useReplicationOverview } from './use-replication-overview';

function NoRunYet({ overview }: { overview: ReplicationOverview }) {
  const scheduled = overview.jobs.filter((job) => job.schedule !== null);
  return (
    <section data-testid="no-run-yet" className="rounded-lg border border-dashed border-slate-700 p-5 text-slate-300">
      <h2 className="text-lg font-semibold text-slate-100">No replication run has happened yet</h2>
      <p className="mt-1 text-sm">Nothing has been snapshotted, backed up or restored, so the standby holds no data from the primary. The leading worker runs each job on its schedule:</p>
      <ul className="mt-2 space-y-1 text-sm">
        {scheduled.map((job) => (
          <li key={job.job}>
            <span className="font-medium">{JOB_COPY[job.job].label}</span>: <code className="font-mono text-slate-400">{job.schedule}</code>
            {job.nextRunAt ? (
              <>
                , next at {formatUtc(job.nextRunAt)} (<RelativeTime iso={job.nextRunAt} />)
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-400">No worker running? Start one with <code className="font-mono">npm run worker</code>. An Operator can also run a job now, below.</p>
    </section>
  );
}

/** The live page: the server's overview first, then /api/replication every 5 s. */
export function ReplicationView({ initial, canRun, roles }: { initial: ReplicationOverview; canRun: boolean; roles: readonly string[] }) {
  const { data, error, dataUpdatedAt } = useReplicationOverview(initial);
  const overview = data ?? initial;
  const jobs = overview.jobs.map((job) => job.job);
  return (
    <div className="grid gap-6" data-testid="replication-view">
      <p className="-mb-4 text-right text-xs text-slate-400">
        updated <RelativeTime iso={new Date(dataUpdatedAt || Date.parse(overview.generatedAt)).toISOString()} /> · refreshes every 5 s
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-400/15 p-3 text-sm text-amber-100">
          Could not refresh: {error.message} Showing the answer from <RelativeTime iso={overview.generatedAt} />.
        </p>
      )}
      {overview.runs.length === 0 && <NoRunYet overview={overview} />}
      <DataLossSummary overview={overview} />
      <SidesTable overview={overview} />
      <RedisPanel overview={overview} />
      <RunNowPanel overview={overview} canRun={canRun} roles={roles} />
      <RunChart runs={overview.runs} jobs={jobs} />
      <RunHistory runs={overview.runs} jobs={jobs} />
    </div>
  );
}
