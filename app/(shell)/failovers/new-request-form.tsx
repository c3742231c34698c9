'use client';

import { FilePlus2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { ChangeKind } from '@/lib/domain/change-plan';
import { KIND_LABEL } from './change-copy';
import { createChange } from './create-change';

/** What each kind does, in the regions of this deployment. */
function explain(kind: ChangeKind, primary: string, secondary: string): string {
  if (kind === 'failover') return `Move serving from ${primary} to ${secondary}.`;
  if (kind === 'failback') return `Move serving back from ${secondary} to ${primary}, 10 → 50 → 100 %.`;
  if (kind === 'storage-failover') return `Fail the Blob storage account over to ${secondary}: its secondary becomes primary; writes not yet replicated are lost.`;
  return `Fail over to ${secondary}, validate, then fail back to ${primary}.`;
}

/**
 * Creates a draft only: the plan is built on the server and shown for review before anything is
 * submitted. `preselected` (from a "Request failover/failback" button) chooses the kind and focuses the reason.
 * `kinds`: what this deployment offers (a storage-account failover only when turned on in config).
 */
export function NewRequestForm({ primary, secondary, kinds, preselected }: { primary: string; secondary: string; kinds: readonly ChangeKind[]; preselected?: ChangeKind }) {
  const router = useRouter();
  const reason = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (preselected) reason.current?.focus();
  }, [preselected]);
  const [result, action, pending] = useActionState<ActionResult<{ id: string; planDigest: string }> | null, FormData>(createChange, null);
  useEffect(() => {
    if (result?.ok) router.push(`/failovers/${result.data.id}`);
  }, [result, router]);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <section id="new-request" aria-labelledby="new-request-heading" className="scroll-mt-4 rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="new-request-heading" className="text-lg font-semibold">
        New request
      </h2>
      <p className="mt-1 text-sm text-slate-400">Creates a draft: nothing runs. You review its plan next, then submit it to two approvers.</p>
      <form action={action} className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <fieldset>
          <legend className="text-sm font-medium text-slate-300">Kind</legend>
          <div className="mt-2 space-y-2">
            {kinds.map((kind, index) => (
              <label key={kind} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-800 bg-slate-950/60 p-2.5 text-sm has-[:checked]:border-sky-600">
                <input type="radio" name="kind" value={kind} defaultChecked={preselected ? kind === preselected : index === 0} className="mt-0.5 accent-sky-500" />
                <span>
                  <span className="font-medium">{KIND_LABEL[kind]}</span>
                  <span className="block text-slate-400">{explain(kind, primary, secondary)}</span>
                </span>
              </label>
            ))}
          </div>
          {errors?.kind && <p className="mt-1 text-sm text-rose-300">{errors.kind.join('; ')}</p>}
        </fieldset>
        <div className="flex flex-col">
          <label htmlFor="reason" className="text-sm font-medium text-slate-300">
            Reason <span className="font-normal text-slate-400">(required, at least 10 characters; approvers read it)</span>
          </label>
          <textarea
            ref={reason}
            id="reason"
            name="reason"
            required
            minLength={10}
            maxLength={2000}
            rows={5}
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={errors?.reason ? 'reason-error' : undefined}
            className="mt-2 w-full flex-1 rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100"
            placeholder="e.g. Canada Central AKS has been failing health checks for 20 min; incident INC-1234"
          />
          {errors?.reason && (
            <p id="reason-error" className="mt-1 text-sm text-rose-300">
              {errors.reason.join('; ')}
            </p>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
              <FilePlus2 aria-hidden className="size-4" />
              {pending ? 'Building the plan…' : 'Create draft and review its plan'}
            </button>
            <p role="status" className={`text-sm ${result?.ok ? 'text-emerald-300' : 'text-rose-300'}`}>
              {result?.message}
            </p>
          </div>
        </div>
      </form>
    </section>
  );
}
