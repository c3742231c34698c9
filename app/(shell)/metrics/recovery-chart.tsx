'use client';

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '@/lib/metrics/failover-metrics';
import { formatUtc } from '@/lib/domain/format-utc';
import { TableHead } from '@/app/_components/table-head';

const POINT_COLUMNS = [{ label: 'When (UTC)' }, { label: 'Drill', align: 'right' as const }, { label: 'Real failover', align: 'right' as const }, { label: 'Average of the last 4', align: 'right' as const }];

const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);

/**
 * One measure (RTO or RPO) per event over time: drills and real failovers as separate series, the
 * moving average, and the objective line. The chart is hidden from screen readers; the table below is its text.
 */
export function RecoveryChart({ measure, points, objectiveMinutes, testId }: { measure: 'RTO' | 'RPO'; points: ChartPoint[]; objectiveMinutes: number; testId: string }) {
  const headingId = `${testId}-heading`;
  const over = points.filter((p) => p.overObjective).length;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-800 bg-slate-900 p-4" data-testid={testId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {measure} per event
      </h2>
      <figure className="mt-3">
        {points.length === 0 ? (
          <p className="flex h-32 items-center justify-center rounded-md border border-dashed border-slate-700 text-sm text-slate-400">No failover or drill has measured its {measure} yet.</p>
        ) : (
          <div className="h-64" aria-hidden>
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="#1e293b" />
                <XAxis dataKey="at" tickFormatter={(iso: string) => iso.slice(0, 10)} stroke="#94a3b8" fontSize={12} minTickGap={32} />
                <YAxis stroke="#94a3b8" fontSize={12} unit=" min" width={64} />
                <Tooltip contentStyle={{ background: '#0f172a', border: '1px solid #334155' }} labelFormatter={(label) => formatUtc(String(label))} formatter={(value) => (typeof value === 'number' ? `${value} min` : 'none')} />
                <Legend />
                <ReferenceLine ifOverflow="extendDomain" y={objectiveMinutes} stroke="#f43f5e" strokeDasharray="4 4" label={{ value: `${measure} objective ${objectiveMinutes} min`, fill: '#fda4af', fontSize: 12, position: 'insideTopRight' }} />
                <Line name="Drill" dataKey="drill" stroke="#38bdf8" strokeWidth={0} dot={{ r: 4, fill: '#38bdf8' }} isAnimationActive={false} connectNulls={false} />
                <Line name="Real failover" dataKey="failover" stroke="#fbbf24" strokeWidth={0} dot={{ r: 4, fill: '#fbbf24', strokeDasharray: '' }} legendType="diamond" isAnimationActive={false} connectNulls={false} />
                <Line name="Average of the last 4" dataKey="trend" stroke="#a78bfa" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        )}
        <figcaption className="mt-2 text-sm text-slate-300" data-testid={`${testId}-caption`}>
          {points.length === 0
            ? `Each drill and real failover that measures its ${measure} will show here against the ${objectiveMinutes} min objective.`
            : `${points.length} measured events, ${over} over the ${objectiveMinutes} min objective (dashed red line). Drills are blue dots, real failovers amber diamonds; the dashed violet line is the average of the last 4.`}
        </figcaption>
      </figure>
      {points.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-300">{measure} values as a table</summary>
          <table className="mt-2 w-full text-left" data-testid={`${testId}-table`}>
            <caption className="sr-only">
              {measure} of each drill and real failover, in minutes, objective {objectiveMinutes} min
            </caption>
            <TableHead columns={POINT_COLUMNS} cellClassName="py-1 pr-3" />
            <tbody>
              {points.map((p) => (
                <tr key={p.runId} className="border-t border-slate-800">
                  <td className="py-1 pr-3">{formatUtc(p.at)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{minutes(p.drill)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{minutes(p.failover)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{minutes(p.trend)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
