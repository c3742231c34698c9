'use client';

import { ArrowRightLeft } from 'lucide-react';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { stepDownLeader } from './step-down-leader';

/** Two steps on purpose: the first click only shows what will happen. */
export function StepDownButton({ workerId, region }: { workerId: string; region: string }) {
  const [confirming, setConfirming] = useState(false);
  const [result, action, pending] = useActionState<ActionResult<string> | null, FormData>(stepDownLeader, null);
  return (
    <div className="space-y-2">
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
          <ArrowRightLeft aria-hidden className="size-4" />
          Hand over leadership…
        </button>
      ) : (
        <form action={action} className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
          <input type="hidden" name="workerId" value={workerId} />
          <p>
            Worker <span className="font-mono">{workerId}</span> ({region}) will release leadership; a standby worker takes over within one election interval. Nothing else
            stops.
          </p>
          <div className="mt-2 flex gap-2">
            <button type="submit" disabled={pending} className="rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-600 disabled:opacity-60">
              {pending ? 'Asking…' : 'Confirm handover'}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-600 px-3 py-1.5 hover:bg-slate-800">
              Cancel
            </button>
          </div>
        </form>
      )}
      {result && (
        <p role="status" className={result.ok ? 'text-sm text-emerald-300' : 'text-sm text-rose-300'}>
          {result.message}
        </p>
      )}
    </div>
  );
}
