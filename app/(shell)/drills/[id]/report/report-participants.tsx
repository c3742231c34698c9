import { TableHead } from '@/app/_components/table-head';
import { describeUtc } from '@/lib/drill-report/describe-report-values';
import type { DrillReport } from '@/lib/drill-report/drill-report';

const COLUMNS = [{ label: 'Who' }, { label: 'Role' }, { label: 'Confirmed they followed the runbook' }, { label: 'Comment' }];

/** Who took part, and whether (and when) each confirmed they followed the runbook. */
export function ReportParticipants({ participants }: { participants: DrillReport['participants'] }) {
  if (participants.length === 0) return <p className="text-sm text-slate-400">No participants recorded.</p>;
  return (
    <table className="w-full text-left text-sm">
      <TableHead columns={COLUMNS} />
      <tbody>
        {participants.map((p) => (
          <tr key={p.userId} data-testid="report-participant" data-confirmed={p.confirmedAt !== null} className="border-t border-slate-800">
            <td className="py-2 pr-3">{p.userName}</td>
            <td className="py-2 pr-3">{p.role}</td>
            <td className="py-2 pr-3 tabular-nums">{p.confirmedAt ? describeUtc(p.confirmedAt) : <span className="text-amber-300">not yet</span>}</td>
            <td className="py-2 pr-3 text-slate-300">{p.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
