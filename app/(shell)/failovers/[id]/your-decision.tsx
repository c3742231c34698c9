import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { DecisionRecord } from '@/lib/db/approvals/change-request-record';
import type { ChangeState, Quorum } from '@/lib/domain/approval-rules';

/** What the signed-in approver already decided here, and what it did to the request. */
export function YourDecision({ decision, state, quorum }: { decision: DecisionRecord; state: ChangeState; quorum: Quorum }) {
  const missing = Math.max(0, quorum.required - quorum.valid);
  const effect =
    state === 'pending'
      ? `Waiting for ${missing} more approval${missing === 1 ? '' : 's'}: ${quorum.valid} of ${quorum.required} so far.`
      : state === 'approved'
        ? `The quorum is reached (${quorum.valid} of ${quorum.required}): the plan may run.`
        : `The request is ${state}.`;
  return (
    <section aria-labelledby="your-decision-heading" data-testid="your-decision" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="your-decision-heading" className="text-lg font-semibold">
        Your decision
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        {decision.breakGlass ? <StatusBadge tone="bad" label="You approved by break-glass" /> : decision.decision === 'approve' ? <StatusBadge tone="good" label="You approved" /> : <StatusBadge tone="bad" label="You denied" />}
        <RelativeTime iso={decision.decidedAt.toISOString()} />
        {decision.voidedAt && <span className="text-amber-200">· voided: the plan changed after it</span>}
      </p>
      <p className="mt-2 text-sm text-slate-300">{effect}</p>
    </section>
  );
}
