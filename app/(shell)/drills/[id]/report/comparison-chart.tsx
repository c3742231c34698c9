'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describeDuration } from '@/lib/domain/describe-duration';
import { RESULT_WORDS } from '@/lib/drill-report/describe-report-values';
import type { DrillComparisonPoint } from '@/lib/drill-report/drill-report';

type Measure = 'rtoSeconds' | 'rpoSeconds';

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

/** One measure of every drill as bars (this drill highlighted), against its objective as a dashed line. */
function MeasureChart({ points, measure, label, objectiveSeconds }: { points: DrillComparisonPoint[]; measure: Measure; label: string; objectiveSeconds: number }) {
  const objective = objectiveSeconds / 60;
  const data = points.map((point) => ({ key: point.drillId, date: point.scheduledFor.slice(0, 10), title: point.title, result: point.result, current: point.current, value: minutes(point[measure]) }));
  const highest = Math.max(objective, ...data.map((d) => d.value ?? 0));
  return (
    <figure className="min-w-0 flex-1" data-testid={`comparison-${measure === 'rtoSeconds' ? 'rto' : 'rpo'}`}>
      <figcaption className="mb-1 text-sm font-medium">
        {label} per drill, minutes <span className="font-normal text-slate-400">(dashed: the {describeDuration(objectiveSeconds)} objective)</span>
      </figcaption>
      <div className="h-56" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#1e293b" vertical={false} />
            <XAxis dataKey="date" stroke="#94a3b8" fontSize={12} />
            <YAxis stroke="#94a3b8" fontSize={12} width={48} domain={[0, Math.ceil(highest * 1.1)]} />
            <Tooltip
              contentStyle={{ background: '#0f172a', border: '1px solid #334155' }}
              formatter={(value) => (typeof value === 'number' ? `${value} min` : 'not measured')}
              labelFormatter={(_label, payload) => {
                const point = payload?.[0]?.payload as (typeof data)[number] | undefined;
                return point ? `${point.title} (${point.date}): ${RESULT_WORDS[point.result]}` : '';
              }}
            />
            <ReferenceLine y={objective} stroke="#fbbf24" strokeDasharray="6 4" label={{ value: `objective ${describeDuration(objectiveSeconds)}`, position: 'insideTopRight', fill: '#fbbf24', fontSize: 11 }} />
            <Bar dataKey="value" name={label} isAnimationActive={false} maxBarSize={36}>
              {data.map((d) => (
                <Cell key={d.key} fill={d.value !== null && d.value > objective ? '#f43f5e' : d.current ? '#38bdf8' : '#64748b'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** This drill's RTO and RPO beside the earlier drills', each against its objective; the table below says the same in words. */
export function ComparisonChart({ points, rtoObjectiveSeconds, rpoObjectiveSeconds }: { points: DrillComparisonPoint[]; rtoObjectiveSeconds: number; rpoObjectiveSeconds: number }) {
  return (
    <div className="flex flex-col gap-4 md:flex-row">
      <MeasureChart points={points} measure="rtoSeconds" label="RTO" objectiveSeconds={rtoObjectiveSeconds} />
      <MeasureChart points={points} measure="rpoSeconds" label="RPO" objectiveSeconds={rpoObjectiveSeconds} />
    </div>
  );
}
