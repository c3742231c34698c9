import Link from 'next/link';
import { RelativeTime } from '@/app/_components/relative-time';
import type { ChangeRequestRecord } from '@/lib/db/approvals/change-request-record';
import { countQuorum } from '@/lib/domain/approval-rules';
import { describeChange, shownState } from './change-copy';
import { ChangeStateBadge } from './change-state-badge';
import { EmptyTableRow, TableHead } from '@/app/_components/table-head';

/** Every request, newest first: state, what, who, when, and how far its approval has come. */
const REQUEST_COLUMNS = [{ label: 'State' }, { label: 'Request' }, { label: 'Requested by' }, { label: 'Age' }, { label: 'Approvals', align: 'right' }, { label: 'Expires' }] as const;

export function RequestTable({ requests, now }: { requests: ChangeRequestRecord[]; now: Date }) {
  return (
    <section aria-labelledby="requests-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="requests-heading" className="text-lg font-semibold">
        Requests <span className="text-sm font-normal text-slate-400">({requests.length})</span>
      </h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="change-requests">
          <caption className="sr-only">Failover, failback and drill requests, newest first</caption>
          <TableHead columns={REQUEST_COLUMNS} />
          <tbody className="divide-y divide-slate-800 align-top">
            {requests.length === 0 && (
              <EmptyTableRow columns={REQUEST_COLUMNS.length}>No request yet. A failover, failback or drill starts here as a request that two approvers confirm.</EmptyTableRow>
            )}
            {requests.map((request) => {
              const state = shownState(request, now);
              const quorum = countQuorum(request, request.decisions, now);
              const open = state === 'pending' || state === 'approved';
              return (
                <tr key={request.id} data-testid="change-request-row" data-id={request.id}>
                  <td className="py-2 pr-3">
                    <ChangeStateBadge state={state} />
                  </td>
                  <td className="py-2 pr-3">
                    <Link href={`/failovers/${request.id}`} className="font-medium text-sky-300 underline-offset-2 hover:underline">
                      {describeChange(request)}
                    </Link>
                    <span className="block max-w-md truncate text-xs text-slate-400" title={request.reason}>
                      {request.reason}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{request.requestedByName}</td>
                  <td className="whitespace-nowrap py-2 pr-3">
                    <RelativeTime iso={request.requestedAt.toISOString()} />
                  </td>
                  <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums" data-testid="approval-count">
                    {quorum.valid} of {request.approversRequired}
                    {request.breakGlass && <span className="block text-xs text-rose-300">break-glass</span>}
                  </td>
                  <td className="whitespace-nowrap py-2 text-slate-300">{open ? <RelativeTime iso={request.expiresAt.toISOString()} /> : state === 'draft' ? <span className="text-slate-400">on submit</span> : <span className="text-slate-400">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
