'use client';

import { FlaskConical } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { ActionMessage } from '../action-message';
import { dryRunChange } from '../dry-run-change';

/** Operator: walk the plan without changing anything; the new run shows above as it goes. */
export function DryRunButton({ requestId, busy }: { requestId: string; busy: boolean }) {
  const router = useRouter();
  const [result, action, pending] = useActionState<ActionResult<{ runId: string }> | null, FormData>(dryRunChange, null);
  useEffect(() => {
    if (result?.ok) router.push(`/failovers/${requestId}?run=${result.data.runId}`);
  }, [result, requestId, router]);
  return (
    <section aria-labelledby="dry-run-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="dry-run-heading" className="text-lg font-semibold">
        Dry run
      </h2>
      <p className="mt-1 text-sm text-slate-400">Each step says what it would call, with which parameters; nothing is changed. Needs no approval.</p>
      <form action={action} className="mt-3 space-y-2">
        <input type="hidden" name="id" value={requestId} />
        <button type="submit" data-testid="dry-run-button" disabled={pending || busy} className="inline-flex items-center gap-1.5 rounded-md border border-amber-500/60 px-3 py-1.5 text-sm text-amber-100 hover:bg-amber-500/10 disabled:opacity-60">
          <FlaskConical aria-hidden className="size-4" />
          {pending ? 'Starting the dry run…' : 'Dry run'}
        </button>
        {busy && <p className="text-sm text-slate-400">A dry run of this request is running: one at a time.</p>}
        <ActionMessage result={result} />
      </form>
    </section>
  );
}
