'use client';

import { RefreshCw, Send, XCircle } from 'lucide-react';
import { useState } from 'react';
import { useRefreshingAction } from '@/app/_components/use-refreshing-action';
import type { ChangeState } from '@/lib/domain/approval-rules';
import { ActionMessage } from '../action-message';
import { cancelChange } from '../cancel-change';
import type { ChangeFacts } from '../change-facts';
import { rebuildPlan } from '../rebuild-plan';
import { submitChange } from '../submit-change';
import { ConfirmFacts } from './confirm-facts';

type Props = { facts: ChangeFacts; state: ChangeState; liveApprovals: number; approversRequired: number; expiryMinutes: number };

function SubmitForm({ facts, approversRequired, expiryMinutes }: Pick<Props, 'facts' | 'approversRequired' | 'expiryMinutes'>) {
  const [result, action, pending] = useRefreshingAction(submitChange);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={facts.id} />
      <p className="text-sm text-slate-300">
        Sends this plan to the approvers: it needs {approversRequired} of them, none of them you, within {expiryMinutes} min. Nothing runs until then.
      </p>
      <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
        <Send aria-hidden className="size-4" />
        {pending ? 'Submitting…' : 'Submit for approval'}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}

function RebuildForm({ facts, liveApprovals }: Pick<Props, 'facts' | 'liveApprovals'>) {
  const [result, action, pending] = useRefreshingAction(rebuildPlan);
  const [openedWith, setOpenedWith] = useState<{ result: typeof result } | null>(null);
  // Approvals are at stake only when some were given: then ask first.
  const confirming = liveApprovals === 0 || (openedWith !== null && openedWith.result === result);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={action} className={liveApprovals > 0 ? 'rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm' : 'space-y-2'}>
          <input type="hidden" name="id" value={facts.id} />
          <p className="text-sm text-slate-300">
            Rebuilds the plan from the current configuration and measures pre-flight again.
            {liveApprovals > 0 && ` If the plan changes, the ${liveApprovals} approval${liveApprovals === 1 ? '' : 's'} given so far become void and approvers must decide again.`}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800 disabled:opacity-60">
              <RefreshCw aria-hidden className="size-4" />
              {pending ? 'Rebuilding…' : liveApprovals > 0 ? 'Confirm: rebuild the plan' : 'Rebuild plan'}
            </button>
            {liveApprovals > 0 && (
              <button type="button" onClick={() => setOpenedWith(null)} className="rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
                Keep this plan
              </button>
            )}
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpenedWith({ result })} className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
          <RefreshCw aria-hidden className="size-4" />
          Rebuild plan…
        </button>
      )}
      <ActionMessage result={result} />
    </div>
  );
}

function CancelForm({ facts }: Pick<Props, 'facts'>) {
  const [result, action, pending] = useRefreshingAction(cancelChange);
  const [openedWith, setOpenedWith] = useState<{ result: typeof result } | null>(null);
  const confirming = openedWith !== null && openedWith.result === result;
  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={action} className="rounded-md border border-rose-500/40 bg-rose-500/10 p-3 text-sm">
          <input type="hidden" name="id" value={facts.id} />
          <p className="font-semibold text-rose-200">Cancel this {facts.kind} request?</p>
          <ConfirmFacts facts={facts} />
          <p className="mt-2 text-slate-300">Nothing will run; approvals given so far are dropped with it. A new request starts from the beginning.</p>
          <label htmlFor="cancel-comment" className="mt-3 block font-medium text-slate-200">
            Why (required)
          </label>
          <textarea id="cancel-comment" name="comment" required minLength={3} maxLength={2000} rows={2} className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-slate-100" />
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white hover:bg-rose-600 disabled:opacity-60">
              <XCircle aria-hidden className="size-4" />
              {pending ? 'Cancelling…' : `Cancel the ${facts.kind} request`}
            </button>
            <button type="button" onClick={() => setOpenedWith(null)} className="rounded-md border border-slate-600 px-3 py-1.5 hover:bg-slate-800">
              Keep it
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpenedWith({ result })} className="inline-flex items-center gap-1.5 rounded-md border border-rose-500/50 px-3 py-1.5 text-sm text-rose-200 hover:bg-rose-500/10">
          <XCircle aria-hidden className="size-4" />
          Cancel request…
        </button>
      )}
      <ActionMessage result={result} />
    </div>
  );
}

/** What the requester can do with their own request, by state; the server checks it is theirs. */
export function RequesterActions(props: Props) {
  const { state } = props;
  return (
    <section aria-labelledby="requester-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="requester-heading" className="text-lg font-semibold">
        Your request
      </h2>
      {state === 'pending' && <p className="mt-1 text-sm text-slate-400">Waiting for approvers: you asked for this change, so you cannot approve it yourself.</p>}
      {state === 'approved' && <p className="mt-1 text-sm text-slate-400">Approved: the runbook engine may now execute it, once, while the approvals hold.</p>}
      <div className="mt-3 space-y-4">
        {state === 'draft' && <SubmitForm facts={props.facts} approversRequired={props.approversRequired} expiryMinutes={props.expiryMinutes} />}
        {(state === 'draft' || state === 'pending') && <RebuildForm facts={props.facts} liveApprovals={props.liveApprovals} />}
        <CancelForm facts={props.facts} />
      </div>
    </section>
  );
}
