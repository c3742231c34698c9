import { RelativeTime } from '@/app/_components/relative-time';
import type { ChangeRequestRecord } from '@/lib/db/approvals/change-request-record';
import type { ChangeState } from '@/lib/domain/approval-rules';
import type { Quorum } from '@/lib/domain/approval-rules';

/** Who asked, why, and where the request stands against its quorum and expiry. */
export function RequestSummary({ request, state, quorum }: { request: ChangeRequestRecord; state: ChangeState; quorum: Quorum }) {
  const open = state === 'draft' || state === 'pending' || state === 'approved';
  return (
    <section aria-labelledby="summary-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-400">Requested by</dt>
        <dd>
          <span className="font-medium">{request.requestedByName}</span> · <RelativeTime iso={request.requestedAt.toISOString()} />
        </dd>
        <dt className="text-slate-400">Reason</dt>
        <dd className="whitespace-pre-line">{request.reason}</dd>
        <dt className="text-slate-400">Approvals</dt>
        <dd data-testid="quorum">
          <span className="font-medium tabular-nums">
            {quorum.valid} of {request.approversRequired}
          </span>
          {quorum.approvers.length > 0 && <span className="text-slate-400"> valid now</span>}
          {quorum.deniedBy && <span className="text-rose-300"> · denied by {quorum.deniedBy}</span>}
        </dd>
        <dt className="text-slate-400">{open ? 'Expires' : 'Expiry'}</dt>
        <dd>
          {state === 'draft' ? (
            'starts when submitted'
          ) : (
            <>
              <RelativeTime iso={request.expiresAt.toISOString()} />
              {!open && <span className="text-slate-400"> (no longer relevant: {state})</span>}
            </>
          )}
        </dd>
        {request.breakGlass && (
          <>
            <dt className="text-rose-300">Break-glass</dt>
            <dd className="text-rose-200">
              approved alone: {request.justification}
              {request.needsReview && <span className="font-medium"> · needs review</span>}
            </dd>
          </>
        )}
        {request.executionStartedAt && (
          <>
            <dt className="text-slate-400">Execution started</dt>
            <dd>
              <RelativeTime iso={request.executionStartedAt.toISOString()} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
