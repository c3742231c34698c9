'use client';

import { Ban, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { ChangeState } from '@/lib/domain/approval-rules';
import { ActionMessage } from '../action-message';
import { approveChange } from '../approve-change';
import type { ChangeFacts } from '../change-facts';
import { denyChange } from '../deny-change';
import { ConfirmFacts } from './confirm-facts';
import { useReloadOrReauth } from './use-reload-or-reauth';

type Decision = 'approve' | 'deny';
type Result = ActionResult<{ state: ChangeState }>;
type Props = { facts: ChangeFacts; reauthHref: string; staleSignInMinutes: number | null; reauthMaxAgeMinutes: number; approvalExpiryMinutes: number };

// One form for both decisions: the hidden `decision` field picks which audited action it posts to.
async function decide(previous: Result | null, form: FormData): Promise<Result> {
  return form.get('decision') === 'deny' ? denyChange(previous, form) : approveChange(previous, form);
}

/** Approve or deny, each confirmed with the facts and a comment; the digest posted is the one on this page. */
export function DecisionPanel({ facts, reauthHref, staleSignInMinutes, reauthMaxAgeMinutes, approvalExpiryMinutes }: Props) {
  const [result, action, pending] = useActionState<Result | null, FormData>(decide, null);
  const [openedWith, setOpenedWith] = useState<{ decision: Decision; result: Result | null } | null>(null);
  const decision = openedWith !== null && openedWith.result === result ? openedWith.decision : null;
  const reauth = result !== null && !result.ok && result.code === 'reauth-required';
  useReloadOrReauth(result, reauthHref);

  return (
    <section aria-labelledby="decide-heading" className="rounded-lg border border-amber-500/40 bg-slate-900 p-4">
      <h2 id="decide-heading" className="text-lg font-semibold">
        Your decision
      </h2>
      {staleSignInMinutes !== null && (
        <p className="mt-2 rounded-md border border-amber-500/40 bg-amber-500/10 p-2.5 text-sm text-amber-100" data-testid="reauth-notice">
          You signed in {staleSignInMinutes} min ago; deciding needs a sign-in within the last {reauthMaxAgeMinutes} min.{' '}
          <a href={reauthHref} className="font-medium text-amber-200 underline underline-offset-2">
            Sign in again and come back to this review
          </a>
          .
        </p>
      )}
      {decision === null ? (
        <>
          <p className="mt-2 text-sm text-slate-300">Read the plan and the pre-flight findings first. You decide on exactly the plan whose digest is shown here.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" onClick={() => setOpenedWith({ decision: 'approve', result })} className="inline-flex items-center gap-1.5 rounded-md border border-amber-500/60 px-3 py-1.5 text-sm text-amber-100 hover:bg-amber-500/10">
              <ShieldCheck aria-hidden className="size-4" />
              Approve…
            </button>
            <button type="button" onClick={() => setOpenedWith({ decision: 'deny', result })} className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
              <Ban aria-hidden className="size-4" />
              Deny…
            </button>
          </div>
        </>
      ) : (
        <form action={action} className={`mt-3 rounded-md border p-3 text-sm ${decision === 'approve' ? 'border-rose-500/50 bg-rose-500/10' : 'border-slate-600 bg-slate-950/60'}`}>
          <input type="hidden" name="id" value={facts.id} />
          <input type="hidden" name="digest" value={facts.digest} />
          <input type="hidden" name="decision" value={decision} />
          <p className="flex items-center gap-1.5 font-semibold text-slate-100">
            {decision === 'approve' ? <ShieldAlert aria-hidden className="size-4 text-rose-300" /> : <Ban aria-hidden className="size-4" />}
            {decision === 'approve' ? `Approve this ${facts.kind}?` : `Deny this ${facts.kind}?`}
          </p>
          <ConfirmFacts facts={facts} />
          <p className="mt-2 text-slate-300">
            {decision === 'approve'
              ? `Your approval binds to this digest and counts for ${approvalExpiryMinutes} min. Once enough approvers agree, the plan may run: it moves traffic and may lose the data above.`
              : 'One deny ends the request: nothing will run, and the requester must ask again.'}
          </p>
          <label htmlFor="decision-comment" className="mt-3 block font-medium text-slate-200">
            Comment (required: what you checked, or why not)
          </label>
          <textarea id="decision-comment" name="comment" required minLength={3} maxLength={2000} rows={3} className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-slate-100" />
          <div className="mt-2 flex flex-wrap gap-2">
            {decision === 'approve' ? (
              <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white hover:bg-rose-600 disabled:opacity-60">
                <ShieldCheck aria-hidden className="size-4" />
                {pending ? 'Approving…' : `Approve ${facts.kind} ${facts.fromRegion} → ${facts.toRegion}`}
              </button>
            ) : (
              <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-slate-200 px-3 py-1.5 font-medium text-slate-900 hover:bg-white disabled:opacity-60">
                <Ban aria-hidden className="size-4" />
                {pending ? 'Denying…' : `Deny the ${facts.kind} request`}
              </button>
            )}
            <button type="button" onClick={() => setOpenedWith(null)} disabled={pending} className="rounded-md border border-slate-600 px-3 py-1.5 hover:bg-slate-800">
              Back
            </button>
          </div>
        </form>
      )}
      <div className="mt-2">
        <ActionMessage result={result} />
        {reauth && <p className="text-sm text-slate-300">Taking you to sign in again; you come back to this review.</p>}
      </div>
    </section>
  );
}
