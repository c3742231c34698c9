'use client';

import { CheckCircle2, PlayCircle, XCircle } from 'lucide-react';
import { useRefreshingAction } from '@/app/_components/use-refreshing-action';
import { ActionMessage } from '../../failovers/action-message';
import { cancelDrill } from '../cancel-drill';
import { confirmParticipation } from '../confirm-participation';
import { requestDrillRun } from '../request-drill-run';

const button = 'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60';

/**
 * Creates and submits the drill's change request; its approvals then happen on the request page the drill links.
 * `open`: the request window (an hour before the scheduled time) has begun; `opensAt` says when it does.
 */
export function RequestRunButton({ drillId, open, opensAt }: { drillId: string; open: boolean; opensAt: string }) {
  // The refreshed page links the request (its approvals and the live run); this button then leaves it.
  const [result, action, pending] = useRefreshingAction(requestDrillRun);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={drillId} />
      <p className="text-sm text-slate-300">Builds the drill runbook (announce, simulated failure, failover, end of the failure, failback) and sends it to two approvers. Nothing runs until they approve.</p>
      <p data-testid="request-drill-run-window" className="text-sm text-slate-400">
        {open ? `Requests open from ${opensAt}, an hour before the scheduled time: open now.` : `Requests open at ${opensAt}, an hour before the scheduled time, so an approval cannot start the drill early.`}
      </p>
      <button type="submit" disabled={pending || !open} data-testid="request-drill-run" className={`${button} bg-sky-700 text-white hover:bg-sky-600`}>
        <PlayCircle aria-hidden className="size-4" />
        {pending ? 'Requesting…' : 'Request the drill run'}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}

/** The signed-in participant's "I followed the runbook", with an optional note. */
export function ConfirmParticipationForm({ drillId }: { drillId: string }) {
  const [result, action, pending] = useRefreshingAction(confirmParticipation);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={drillId} />
      <label className="block text-sm text-slate-300">
        Note <span className="text-slate-400">(optional: what differed from the runbook)</span>
        <textarea name="comment" maxLength={1000} rows={2} className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100" />
      </label>
      <button type="submit" disabled={pending} data-testid="confirm-participation" className={`${button} bg-emerald-700 text-white hover:bg-emerald-600`}>
        <CheckCircle2 aria-hidden className="size-4" />
        {pending ? 'Recording…' : 'I followed the runbook'}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}

/** Takes a drill off the calendar (only before its run is requested). */
export function CancelDrillButton({ drillId }: { drillId: string }) {
  const [result, action, pending] = useRefreshingAction(cancelDrill);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={drillId} />
      <button type="submit" disabled={pending} data-testid="cancel-drill" className={`${button} border border-slate-600 text-slate-200 hover:bg-slate-800`}>
        <XCircle aria-hidden className="size-4" />
        {pending ? 'Cancelling…' : 'Cancel the drill'}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
