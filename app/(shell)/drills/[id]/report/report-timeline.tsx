import { TableHead } from '@/app/_components/table-head';
import { describeOffset } from '@/lib/domain/describe-offset';
import { describeUtc } from '@/lib/drill-report/describe-report-values';
import type { DrillReport } from '@/lib/drill-report/drill-report';
import { StepStateBadge } from '../../../failovers/[id]/run-state-badge';

const COLUMNS = [{ label: 'Stage' }, { label: 'Step' }, { label: 'State' }, { label: 'Started' }, { label: 'Ended' }, { label: 'Took', align: 'right' as const }, { label: 'Attempts', align: 'right' as const }];

/** Every step of the run in plan order: when it started (T+ and UTC), when it ended, how long it took, its attempts and its error. */
export function ReportTimeline({ timeline }: { timeline: DrillReport['timeline'] }) {
  if (timeline.length === 0) return <p className="text-sm text-slate-400">The drill has not run yet: its steps appear here once it does.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <TableHead columns={COLUMNS} />
        <tbody>
          {timeline.map((step) => (
            <tr key={step.stepId} data-testid="report-timeline-step" data-step-id={step.stepId} data-state={step.state} className="border-t border-slate-800 align-top">
              <td className="py-2 pr-3 tabular-nums">{step.stage}</td>
              <td className="py-2 pr-3">
                <p className="font-medium">{step.title}</p>
                <p className="font-mono text-xs text-slate-400">
                  {step.stepId} · {step.action}
                  {step.optional && ' · optional'}
                </p>
                {step.error && <p className="mt-1 whitespace-pre-wrap break-words text-xs text-rose-300" data-testid="report-step-error">{step.error}</p>}
              </td>
              <td className="py-2 pr-3">
                <StepStateBadge state={step.state} />
              </td>
              <td className="py-2 pr-3 tabular-nums">
                {step.offsetSeconds === null ? 'not started' : <>T+ {describeOffset(step.offsetSeconds)}</>}
                {step.startedAt && <span className="block text-xs text-slate-400">{describeUtc(step.startedAt)}</span>}
              </td>
              <td className="py-2 pr-3 tabular-nums text-xs">{describeUtc(step.finishedAt)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{step.durationSeconds === null ? '-' : describeOffset(step.durationSeconds)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{step.attempt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
