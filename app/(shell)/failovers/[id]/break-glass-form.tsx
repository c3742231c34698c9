'use client';

import { Siren } from 'lucide-react';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { ChangeState } from '@/lib/domain/approval-rules';
import { ActionMessage } from '../action-message';
import { breakGlass } from '../break-glass';
import type { ChangeFacts } from '../change-facts';
import { ConfirmFacts } from './confirm-facts';
import { useReloadOrReauth } from './use-reload-or-reauth';

/** An Admin approving alone when the policy allows it: separate, red, and loud about what follows. */
export function BreakGlassForm({ facts, approversRequired, quorum, reauthHref }: { facts: ChangeFacts; approversRequired: number; quorum: number; reauthHref: string }) {
  const [result, action, pending] = useActionState<ActionResult<{ state: ChangeState }> | null, FormData>(breakGlass, null);
  const [openedWith, setOpenedWith] = useState<{ result: typeof result } | null>(null);
  const confirming = openedWith !== null && openedWith.result === result;
  useReloadOrReauth(result, reauthHref);
  return (
    <section aria-labelledby="break-glass-heading" className="rounded-lg border border-rose-600/60 bg-rose-950/30 p-4">
      <h2 id="break-glass-heading" className="flex items-center gap-1.5 text-lg font-semibold text-rose-200">
        <Siren aria-hidden className="size-5" />
        Break-glass (Admin)
      </h2>
      <p className="mt-1 text-sm text-slate-300">
        For an outage when {quorum} approvers cannot be reached: you approve this request alone (the quorum drops to {approversRequired}). It pages on call with a SEV-1 alert, names you, and marks the request for
        review afterwards.
      </p>
      {confirming ? (
        <form action={action} className="mt-3 rounded-md border border-rose-500/60 bg-rose-500/10 p-3 text-sm">
          <input type="hidden" name="id" value={facts.id} />
          <input type="hidden" name="digest" value={facts.digest} />
          <p className="font-semibold text-rose-100">Approve this {facts.kind} alone, by break-glass?</p>
          <ConfirmFacts facts={facts} />
          <label htmlFor="break-glass-justification" className="mt-3 block font-medium text-slate-200">
            Justification (required, at least 20 characters: the outage, who you tried to reach)
          </label>
          <textarea id="break-glass-justification" name="justification" required minLength={20} maxLength={2000} rows={3} className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-slate-100" />
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white hover:bg-rose-600 disabled:opacity-60">
              <Siren aria-hidden className="size-4" />
              {pending ? 'Breaking glass…' : `Break glass: approve ${facts.kind} ${facts.fromRegion} → ${facts.toRegion} alone and page SEV-1`}
            </button>
            <button type="button" onClick={() => setOpenedWith(null)} disabled={pending} className="rounded-md border border-slate-600 px-3 py-1.5 hover:bg-slate-800">
              Back
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpenedWith({ result })} className="mt-3 inline-flex items-center gap-1.5 rounded-md border border-rose-500/70 px-3 py-1.5 text-sm text-rose-200 hover:bg-rose-500/10">
          <Siren aria-hidden className="size-4" />
          Use break-glass…
        </button>
      )}
      <div className="mt-2">
        <ActionMessage result={result} />
      </div>
    </section>
  );
}
