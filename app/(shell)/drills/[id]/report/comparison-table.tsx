import { TableHead } from '@/app/_components/table-head';
import { describeDuration } from '@/lib/domain/describe-duration';
import { RESULT_WORDS } from '@/lib/drill-report/describe-report-values';
import type { DrillComparisonPoint } from '@/lib/drill-report/drill-report';

const COLUMNS = [{ label: 'Scheduled' }, { label: 'Drill' }, { label: 'RTO', align: 'right' as const }, { label: 'RPO', align: 'right' as const }, { label: 'Result' }];
const measured = (seconds: number | null) => (seconds === null ? 'not measured' : describeDuration(seconds));

/** The comparison in words: every earlier drill that ran and this one, oldest first. */
export function ComparisonTable({ points }: { points: DrillComparisonPoint[] }) {
  return (
    <table className="w-full text-left text-sm">
      <TableHead columns={COLUMNS} />
      <tbody>
        {points.map((point) => (
          <tr key={point.drillId} data-testid="comparison-drill" data-current={point.current} className={`border-t border-slate-800 ${point.current ? 'font-semibold' : ''}`}>
            <td className="py-2 pr-3 tabular-nums">{point.scheduledFor.slice(0, 10)}</td>
            <td className="py-2 pr-3">
              {point.current ? (
                <>{point.title} (this drill)</>
              ) : (
                <a href={`/drills/${point.drillId}/report`} className="text-sky-300 underline-offset-2 hover:underline">
                  {point.title}
                </a>
              )}
            </td>
            <td className="py-2 pr-3 text-right tabular-nums">{measured(point.rtoSeconds)}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{measured(point.rpoSeconds)}</td>
            <td className="py-2 pr-3">{RESULT_WORDS[point.result]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
