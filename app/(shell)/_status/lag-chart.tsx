'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUS_WINDOWS, type LagSeries, type StatusWindow } from '@/lib/status/status-snapshot';
import { formatDuration } from './format-duration';
import { formatUtc } from '@/lib/domain/format-utc';

const SERIES = [
  { key: 'blob', label: 'Blob geo-replication lag', color: '#38bdf8', dash: undefined },
  { key: 'qdrant', label: 'Qdrant data in the secondary, age', color: '#a78bfa', dash: '6 3' },
  { key: 'redis', label: 'Redis newest backup age', color: '#fbbf24', dash: '2 3' },
] as const;

const tick = (window: StatusWindow) => (iso: string) => {
  const date = new Date(iso);
  return window === '24h' ? date.toISOString().slice(11, 16) : date.toISOString().slice(5, 10);
};

/** Replication lag per data set over the window, against the RPO objective; minutes on the axis. */
export function LagChart({ lag, window, onWindow, rpoObjectiveSeconds, loading }: { lag: LagSeries; window: StatusWindow; onWindow: (window: StatusWindow) => void; rpoObjectiveSeconds: number | null; loading: boolean }) {
  const data = lag.points.map((point) => ({ at: point.at, blob: point.blob === null ? null : point.blob / 60, qdrant: point.qdrant === null ? null : point.qdrant / 60, redis: point.redis === null ? null : point.redis / 60 }));
  const latest = (key: (typeof SERIES)[number]['key']) => [...lag.points].reverse().find((point) => point[key] !== null)?.[key] ?? null;
  return (
    <section aria-labelledby="lag-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="lag-heading" className="text-lg font-semibold">
          Replication lag
        </h2>
        <div role="group" aria-label="Chart window" className="inline-flex overflow-hidden rounded-md border border-slate-700 text-sm">
          {STATUS_WINDOWS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === window}
              onClick={() => onWindow(option)}
              className={`px-3 py-1 ${option === window ? 'bg-sky-700 text-white' : 'text-slate-300 hover:bg-slate-800'}`}
            >
              {option}
            </button>
          ))}
        </div>
      </div>
      <figure className="mt-3">
        <div className={`h-64 ${loading ? 'opacity-60' : ''}`} aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#1e293b" />
              <XAxis dataKey="at" tickFormatter={tick(lag.window)} stroke="#94a3b8" fontSize={12} minTickGap={40} />
              <YAxis stroke="#94a3b8" fontSize={12} unit=" min" width={64} />
              <Tooltip
                contentStyle={{ background: '#0f172a', border: '1px solid #334155' }}
                labelFormatter={(label) => formatUtc(String(label))}
                formatter={(value) => (typeof value === 'number' ? formatDuration(value * 60) : 'no sample')}
              />
              <Legend />
              {rpoObjectiveSeconds !== null && <ReferenceLine ifOverflow="extendDomain" y={rpoObjectiveSeconds / 60} stroke="#f43f5e" strokeDasharray="4 4" label={{ value: 'RPO objective', fill: '#fda4af', fontSize: 12, position: 'insideTopRight' }} />}
              {SERIES.map((series) => (
                <Line key={series.key} name={series.label} dataKey={series.key} stroke={series.color} strokeDasharray={series.dash} dot={false} isAnimationActive={false} connectNulls={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="mt-2 text-sm text-slate-300">
          Worst value per {formatDuration(lag.bucketSeconds)} over the last {window}
          {rpoObjectiveSeconds !== null && <>, against the RPO objective of {formatDuration(rpoObjectiveSeconds)}</>}. Latest:{' '}
          {SERIES.map((series, index) => (
            <span key={series.key}>
              {index > 0 && ' · '}
              {series.label} {formatDuration(latest(series.key))}
            </span>
          ))}
          .
        </figcaption>
      </figure>
    </section>
  );
}
