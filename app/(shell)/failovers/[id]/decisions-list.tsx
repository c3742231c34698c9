import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import type { DecisionRecord } from '@/lib/db/approvals/change-request-record';

/** Whether a decision still counts, in words: voided by a new plan, expired, or valid until when. */
function Standing({ decision, planDigest, now }: { decision: DecisionRecord; planDigest: string; now: Date }) {
  if (decision.voidedAt) {
    return (
      <>
        voided <RelativeTime iso={decision.voidedAt.toISOString()} />: the plan changed after it
      </>
    );
  }
  if (decision.planDigest !== planDigest) return <>for an earlier plan: does not count</>;
  if (decision.decision === 'deny') return <>ends the request</>;
  if (decision.expiresAt <= now) {
    return (
      <>
        expired <RelativeTime iso={decision.expiresAt.toISOString()} />: does not count any more
      </>
    );
  }
  return (
    <>
      counts until <RelativeTime iso={decision.expiresAt.toISOString()} />
    </>
  );
}

/** Every approve and deny, with who, when, why, and the digest each one saw. */
export function DecisionsList({ decisions, planDigest, approversRequired, now }: { decisions: DecisionRecord[]; planDigest: string; approversRequired: number; now: Date }) {
  return (
    <section aria-labelledby="decisions-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="decisions-heading" className="text-lg font-semibold">
        Decisions
      </h2>
      {decisions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-400">None yet. It takes {approversRequired} approvers, none of them the requester; one deny ends the request.</p>
      ) : (
        <ul className="mt-3 space-y-2" data-testid="decisions">
          {decisions.map((decision) => (
            <li key={decision.id} data-testid="decision" data-approver={decision.approverId} className="rounded-md border border-slate-800 bg-slate-950/60 p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                {decision.breakGlass ? <StatusBadge tone="bad" label="Break-glass approval" /> : decision.decision === 'approve' ? <StatusBadge tone="good" label="Approved" /> : <StatusBadge tone="bad" label="Denied" />}
                <span className="font-medium">{decision.approverName}</span>
                <span className="text-xs text-slate-400">{decision.approverRoles.join(', ')}</span>
                <span className="ml-auto text-slate-400">
                  <RelativeTime iso={decision.decidedAt.toISOString()} />
                </span>
              </div>
              <blockquote className="mt-2 border-l-2 border-slate-700 pl-2 text-slate-200">{decision.comment}</blockquote>
              <p className="mt-2 text-xs text-slate-400">
                Digest{' '}
                <code className="font-mono text-slate-300" title={decision.planDigest}>
                  {decision.planDigest.slice(0, 16)}…
                </code>{' '}
                · <Standing decision={decision} planDigest={planDigest} now={now} /> · signed in <RelativeTime iso={decision.authTime.toISOString()} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
