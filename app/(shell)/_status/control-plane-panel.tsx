'use client';

import { useQuery } from '@tanstack/react-query';
import { Crown } from 'lucide-react';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import type { ControlPlaneHealthJson } from '@/lib/control-plane/read-control-plane-health';
import { StepDownButton } from './step-down-button';

const VERDICT: Record<ControlPlaneHealthJson['verdict'], { tone: Tone; label: string }> = {
  healthy: { tone: 'good', label: 'Healthy' },
  degraded: { tone: 'warn', label: 'Degraded' },
  'no-leader': { tone: 'bad', label: 'No leader' },
};
const WORKER: Record<string, { tone: Tone; label: string }> = {
  alive: { tone: 'good', label: 'Alive' },
  stale: { tone: 'bad', label: 'Silent' },
  stopped: { tone: 'unknown', label: 'Stopped' },
};

async function fetchHealth(): Promise<ControlPlaneHealthJson> {
  const response = await fetch('/api/control-plane', { cache: 'no-store' });
  if (!response.ok) throw new Error(response.status === 401 ? 'Your session has ended: reload to sign in again.' : `The server answered ${response.status}.`);
  return response.json() as Promise<ControlPlaneHealthJson>;
}

/** The workers, who leads and how recently each spoke; polled every 5 s. */
export function ControlPlanePanel({ initial, canHandOver }: { initial: ControlPlaneHealthJson; canHandOver: boolean }) {
  const { data, error, dataUpdatedAt } = useQuery({ queryKey: ['control-plane'], queryFn: fetchHealth, initialData: initial, refetchInterval: 5_000 });
  const verdict = VERDICT[data.verdict];
  return (
    <section aria-labelledby="control-plane" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="control-plane" className="text-lg font-semibold">
          Control plane
        </h2>
        <div className="flex items-center gap-3 text-xs text-slate-400">
          <span>
            updated <RelativeTime iso={new Date(dataUpdatedAt).toISOString()} />
          </span>
          <span data-testid="control-plane-verdict">
            <StatusBadge tone={verdict.tone} label={verdict.label} />
          </span>
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-300">
          Could not refresh: {error.message} Showing the last answer.
        </p>
      )}
      {data.reasons.length > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-300">
          {data.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <dl className="mt-4 grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Leader</dt>
          <dd className="mt-1 text-sm" data-testid="control-plane-leader">
            {data.leader ? (
              <>
                <span className="font-mono">{data.leader.id}</span> in {data.leader.region}
                {data.leader.leaderSince && (
                  <span className="block text-slate-400">
                    leading since <RelativeTime iso={data.leader.leaderSince} />
                  </span>
                )}
              </>
            ) : (
              'none'
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Last handover</dt>
          <dd className="mt-1 text-sm">
            {data.lastLeaderChange ? (
              <>
                {data.lastLeaderChange.reason} · {data.lastLeaderChange.region} · <RelativeTime iso={data.lastLeaderChange.at} />
              </>
            ) : (
              'none recorded'
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-400">Heartbeat interval</dt>
          <dd className="mt-1 text-sm">{data.heartbeatMs / 1000} s (silent after {(data.heartbeatMs * 3) / 1000} s)</dd>
        </div>
      </dl>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Worker processes</caption>
          <thead className="text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Worker</th>
              <th scope="col" className="py-2 pr-3 font-medium">Region</th>
              <th scope="col" className="py-2 pr-3 font-medium">State</th>
              <th scope="col" className="py-2 pr-3 font-medium">Last heartbeat</th>
              <th scope="col" className="py-2 pr-3 font-medium">Started</th>
              <th scope="col" className="py-2 font-medium">Version</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800">
            {data.workers.length === 0 && (
              <tr>
                <td colSpan={6} className="py-4 text-slate-400">
                  No worker has ever started. Start one with <code className="font-mono">npm run worker</code>.
                </td>
              </tr>
            )}
            {data.workers.map((worker) => (
              <tr key={worker.id} data-testid="worker-row">
                <td className="py-2 pr-3 font-mono">
                  {worker.isLeader && <Crown aria-label="leader" className="mr-1 inline size-4 text-amber-300" />}
                  {worker.id}
                </td>
                <td className="py-2 pr-3">{worker.region}</td>
                <td className="py-2 pr-3">
                  <StatusBadge tone={WORKER[worker.status]?.tone ?? 'unknown'} label={`${WORKER[worker.status]?.label ?? worker.status}${worker.isLeader ? ', leading' : ''}`} />
                </td>
                <td className="py-2 pr-3">
                  <RelativeTime iso={worker.heartbeatAt} />
                </td>
                <td className="py-2 pr-3">
                  <RelativeTime iso={worker.startedAt} />
                </td>
                <td className="py-2 font-mono text-xs text-slate-400">{worker.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canHandOver && data.leader && !data.leader.stepDownRequested && (
        <div className="mt-4">
          <StepDownButton key={data.leader.id} workerId={data.leader.id} region={data.leader.region} />
        </div>
      )}
      {data.leader?.stepDownRequested && <p className="mt-4 text-sm text-amber-300">A handover was requested; the leader releases on its next heartbeat.</p>}
    </section>
  );
}
