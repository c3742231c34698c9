'use client';

import { Line, LineChart, YAxis } from 'recharts';
import type { TileView } from '@/lib/status/status-snapshot';
import { formatValue } from './format-duration';

/** A tiny line of the tile's last probes; the figures are also given in words for screen readers. */
export function Sparkline({ spark }: { spark: TileView['spark'] }) {
  const values = spark.points.map((point) => point.value).filter((value): value is number => value !== null);
  const failed = spark.points.filter((point) => !point.ok).length;
  const latest = spark.points.at(-1);
  const summary =
    spark.points.length === 0
      ? 'no probes yet'
      : `${spark.label}: latest ${formatValue(latest?.value, spark.unit)}, highest ${formatValue(values.length ? Math.max(...values) : null, spark.unit)} over the last ${spark.points.length} probes${failed ? `, ${failed} failed` : ''}`;
  return (
    <div className="flex items-center gap-2">
      <div aria-hidden className="h-8 w-24 shrink-0">
        {spark.points.length > 1 && (
          <LineChart accessibilityLayer={false} width={96} height={32} data={spark.points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
            <YAxis hide domain={[0, 'auto']} />
            <Line type="monotone" dataKey="value" stroke="currentColor" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        )}
      </div>
      <span className="sr-only">{summary}</span>
      <span aria-hidden className="text-xs text-slate-400">
        {formatValue(latest?.value, spark.unit)}
      </span>
    </div>
  );
}
