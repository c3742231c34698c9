'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverheadPoint } from '@/lib/domain/dr-overhead';

/** DR overhead (secondary / primary) month by month. */
export function OverheadTrendChart({ trend }: { trend: OverheadPoint[] }) {
  const data = trend.map((point) => ({ month: `${point.month}${point.complete ? '' : '*'}`, percent: point.percent === null ? null : Math.round(point.percent * 10) / 10 }));
  return (
    <div className="h-48" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#1e293b" />
          <XAxis dataKey="month" stroke="#94a3b8" fontSize={12} />
          <YAxis stroke="#94a3b8" fontSize={12} unit=" %" width={56} domain={[0, 'auto']} />
          <Tooltip contentStyle={{ background: '#0f172a', border: '1px solid #334155' }} formatter={(value) => (typeof value === 'number' ? `${value} %` : 'no primary cost')} />
          <Line name="DR overhead" dataKey="percent" stroke="#38bdf8" dot isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
