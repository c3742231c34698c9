'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostMonthView } from '@/lib/costs/costs-overview';
import { formatCents } from './format-money';

const COLORS = ['#38bdf8', '#a78bfa', '#fbbf24', '#34d399', '#f472b6', '#fb923c', '#94a3b8', '#f87171'];

/** One bar per month and region, stacked by service. */
export function CostChart({ months, currency }: { months: CostMonthView[]; currency: string }) {
  const services = [...new Set(months.flatMap((month) => month.cells.map((cell) => cell.service)))].sort();
  const data = months.flatMap((month) =>
    [...new Set(month.cells.map((cell) => cell.region))].map((region) => ({
      bar: `${month.month}${month.complete ? '' : '*'} ${region}`,
      ...Object.fromEntries(services.map((service) => [service, (month.cells.find((cell) => cell.region === region && cell.service === service)?.cents ?? 0) / 100])),
    })),
  );
  return (
    <figure>
      <div className="h-72" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#1e293b" />
            <XAxis dataKey="bar" stroke="#94a3b8" fontSize={11} interval={0} angle={-20} textAnchor="end" height={56} />
            <YAxis stroke="#94a3b8" fontSize={12} width={72} />
            <Tooltip contentStyle={{ background: '#0f172a', border: '1px solid #334155' }} formatter={(value) => (typeof value === 'number' ? formatCents(Math.round(value * 100), currency) : String(value))} />
            <Legend />
            {services.map((service, index) => (
              <Bar key={service} dataKey={service} stackId="cost" fill={COLORS[index % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-300">Cost per month and region, stacked by service ({currency}); * = month to date. Exact amounts are in the tables below.</figcaption>
    </figure>
  );
}
