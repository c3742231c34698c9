import Link from 'next/link';
import { EmptyTableRow, TableHead } from '@/app/_components/table-head';
import type { DrillResultView } from '@/lib/metrics/failover-metrics';
import type { DrillResult } from '@/lib/metrics/judge-drill';
import { formatDuration } from '../_status/format-duration';
import { DrillResultBadge } from '@/app/_components/drill-result-badge';
import { utcText } from '@/lib/domain/format-utc';

const COLUMNS = [{ label: 'Drill' }, { label: 'Ran (UTC)' }, { label: 'Result' }, { label: 'RTO', align: 'right' as const }, { label: 'RPO', align: 'right' as const }, { label: 'Why' }];

/** Every executed drill judged by the plan's criteria: passed, failed or still open (a confirmation or measurement missing). */
export function DrillResults({ drills, counts }: { drills: DrillResultView[]; counts: Record<DrillResult, number> }) {
  return (
    <section aria-labelledby="drill-results-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="drill-results-heading" className="text-lg font-semibold">
        Drill results{' '}
        <span className="text-sm font-normal text-slate-400" data-testid="drill-result-counts">
          ({counts.passed} passed, {counts.failed} failed, {counts.open} open)
        </span>
      </h2>
      <table className="mt-3 w-full text-left text-sm" data-testid="drill-results">
        <TableHead columns={COLUMNS} />
        <tbody>
          {drills.length === 0 ? (
            <EmptyTableRow columns={COLUMNS.length}>No drill has executed yet.</EmptyTableRow>
          ) : (
            drills.map((drill) => {
              const notPassed = drill.criteria.filter((c) => c.passed !== true);
              return (
                <tr key={drill.id} className="border-t border-slate-800 align-top" data-testid="drill-result" data-result={drill.result}>
                  <td className="py-2 pr-3">
                    <Link href={`/drills/${drill.id}`} className="text-sky-300 underline-offset-2 hover:underline">
                      {drill.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{utcText(drill.ranAt)}</td>
                  <td className="py-2 pr-3">
                    <DrillResultBadge result={drill.result} />
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(drill.rtoSeconds)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(drill.rpoSeconds)}</td>
                  <td className="py-2 pr-3 text-slate-300">
                    {notPassed.length === 0 ? (
                      'every criterion held'
                    ) : (
                      <ul className="space-y-0.5">
                        {notPassed.map((c) => (
                          <li key={c.id}>
                            <span className="font-medium">{c.passed === false ? 'Failed' : 'Open'}:</span> {c.label} — {c.evidence}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </section>
  );
}
