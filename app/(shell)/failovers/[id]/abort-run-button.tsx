'use client';

import { OctagonX } from 'lucide-react';
import { useActionState, useEffect, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { ActionMessage } from '../action-message';
import { abortRun } from '../abort-run';

/** Operator: stop a running run, after a confirmation that says what stopping does and does not undo. */
export function AbortRunButton({ runId, what, onRequested }: { runId: string; what: string; onRequested: () => void }) {
  const [result, action, pending] = useActionState<ActionResult<{ requestedAt: string }> | null, FormData>(abortRun, null);
  const [confirming, setConfirming] = useState(false);
  const [answered, setAnswered] = useState(result);
  // Any new answer closes the confirmation (reset while rendering, as React advises over an effect).
  if (answered !== result) {
    setAnswered(result);
    setConfirming(false);
  }
  // A success refetches the run, whose view then shows the abort.
  useEffect(() => {
    if (result?.ok) onRequested();
  }, [result, onRequested]);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={action} className="rounded-md border border-rose-500/50 bg-rose-500/10 p-3 text-sm">
          <input type="hidden" name="runId" value={runId} />
          <p className="font-semibold text-rose-100">Abort this {what}?</p>
          <p className="mt-1 text-slate-300">Steps already running finish; nothing new starts and the rest are marked aborted. Nothing done so far is undone: the regions stay where the finished steps left them.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white hover:bg-rose-600 disabled:opacity-60">
              <OctagonX aria-hidden className="size-4" />
              {pending ? 'Requesting abort…' : `Abort the ${what}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={pending} className="rounded-md border border-slate-600 px-3 py-1.5 hover:bg-slate-800">
              Keep it running
            </button>
          </div>
        </form>
      ) : (
        <button type="button" data-testid="abort-run" onClick={() => setConfirming(true)} className="inline-flex items-center gap-1.5 rounded-md border border-rose-500/60 px-3 py-1.5 text-sm text-rose-200 hover:bg-rose-500/10">
          <OctagonX aria-hidden className="size-4" />
          Abort run…
        </button>
      )}
      <ActionMessage result={result} />
    </div>
  );
}
