'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeRegion } from '@/lib/domain/probe-results';
import type { ComponentHistory } from '@/lib/status/to-component-history';
import { formatUtc } from '@/lib/domain/format-utc';

const COLORS: Record<ProbeRegion, { color: string; dash?: string }> = { primary: { color: '#38bdf8' }, secondary: { color: '#a78bfa', dash: '6 3' }, global: { color: '#fbbf24', dash: '2 3' } };

/** One measure (latency in ms, or data age in minutes) per region over the window. */
export function HistoryChart({ history, measure, regionLabels }: { history: ComponentHistory; measure: 'latencyMs' | 'lagSeconds'; regionLabels: Record<ProbeRegion, string> }) {
  const data = history.points.map((point) => {
    const row: Record<string, string | number | null> = { at: point.at };
    for (const region of history.regions) {
      const value = point[region]?.[measure] ?? null;
      row[region] = value === null ? null : measure === 'lagSeconds' ? Math.round(value / 6) / 10 : value;
    }
    return row;
  });
  const unit = measure === 'latencyMs' ? ' ms' : ' min';
  return (
    <div className="h-64" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#1e293b" />
          <XAxis dataKey="at" tickFormatter={(iso: string) => (history.window === '24h' ? iso.slice(11, 16) : iso.slice(5, 10))} stroke="#94a3b8" fontSize={12} minTickGap={40} />
          <YAxis stroke="#94a3b8" fontSize={12} unit={unit} width={72} />
          <Tooltip contentStyle={{ background: '#0f172a', border: '1px solid #334155' }} labelFormatter={(label) => formatUtc(String(label))} formatter={(value) => (typeof value === 'number' ? `${value}${unit}` : 'no sample')} />
          <Legend />
          {history.regions.map((region) => (
            <Line key={region} name={regionLabels[region]} dataKey={region} stroke={COLORS[region].color} strokeDasharray={COLORS[region].dash} dot={false} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
