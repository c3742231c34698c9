import Link from 'next/link';
import type { ReactNode } from 'react';
import { describeUtc } from '@/lib/drill-report/describe-report-values';
import type { DrillReport } from '@/lib/drill-report/drill-report';

/** The drill's facts: where and when, its request and who approved it, its run and how it ended. */
export function ReportSummary({ report }: { report: DrillReport }) {
  const { drill, request, run } = report;
  const rows: [string, ReactNode][] = [
    ['Drill', <span key="id" className="font-mono" data-testid="report-drill-id">{drill.id}</span>],
    ['Environment', drill.environment],
    ['Scheduled for', describeUtc(drill.scheduledFor)],
    ['State', drill.state],
    ['Scheduled by', drill.createdByName],
    [
      'Request',
      request ? (
        <span key="request">
          <Link href={`/failovers/${request.id}`} className="font-mono text-sky-300 underline-offset-2 hover:underline">
            {request.id}
          </Link>{' '}
          ({request.kind}, {request.state}) by {request.requestedByName}, {describeUtc(request.requestedAt)}
        </span>
      ) : (
        'not requested yet'
      ),
    ],
    ['Approved by', request ? `${request.approvers.join(', ') || 'nobody'} (${request.approversRequired} required)` : '-'],
    ['Run', run ? <span key="run"><span className="font-mono">{run.id}</span>: {run.state}{run.error ? ` (${run.error})` : ''}</span> : 'has not run'],
    ['Started / finished', run ? `${describeUtc(run.startedAt)} / ${describeUtc(run.finishedAt)}` : '-'],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-400">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
