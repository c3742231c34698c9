import Link from 'next/link';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { DrillRecord } from '@/lib/db/drills/drill-record';
import { evaluateDrill } from '@/lib/drills/evaluate-drill';
import { describeVerdict, measured, verdictClass } from './drill-copy';
import { formatUtc } from '@/lib/domain/format-utc';

/** Drills as rows: date, title, environment, state, result from the success criteria, measured RTO and RPO. */
export function DrillTable({ caption, drills, objectives }: { caption: string; drills: readonly DrillRecord[]; objectives: LifeboatConfig['objectives'] }) {
  if (drills.length === 0) return <p className="text-sm text-slate-400">{caption}: none.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead className="text-slate-400">
        <tr>
          <th scope="col" className="py-1 pr-3">When</th>
          <th scope="col" className="py-1 pr-3">Drill</th>
          <th scope="col" className="py-1 pr-3">Environment</th>
          <th scope="col" className="py-1 pr-3">State</th>
          <th scope="col" className="py-1 pr-3">Result</th>
          <th scope="col" className="py-1 pr-3">RTO</th>
          <th scope="col" className="py-1 pr-3">RPO</th>
        </tr>
      </thead>
      <tbody>
        {drills.map((drill) => {
          const verdict = evaluateDrill(drill, objectives);
          return (
            <tr key={drill.id} data-testid="drill-row" data-drill-id={drill.id} className="border-t border-slate-800">
              <td className="py-1.5 pr-3 tabular-nums">{formatUtc(drill.scheduledFor)}</td>
              <td className="py-1.5 pr-3">
                <Link href={`/drills/${drill.id}`} className="text-sky-300 hover:underline">
                  {drill.title}
                </Link>
              </td>
              <td className="py-1.5 pr-3">{drill.environment}</td>
              <td className="py-1.5 pr-3" data-testid="drill-state">{drill.state}</td>
              <td className={`py-1.5 pr-3 ${verdictClass(verdict)}`} data-testid="drill-result">
                {drill.run ? describeVerdict(verdict) : '—'}
              </td>
              <td className="py-1.5 pr-3 tabular-nums" data-testid="drill-rto">{measured(drill.run?.rtoSeconds)}</td>
              <td className="py-1.5 pr-3 tabular-nums" data-testid="drill-rpo">{measured(drill.run?.rpoSeconds)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
