'use client';

import { CircleCheck, CircleDashed } from 'lucide-react';
import { useRefreshingAction } from '@/app/_components/use-refreshing-action';
import type { FollowUp } from '@/lib/domain/follow-up';
import { ActionMessage } from '../../../failovers/action-message';
import { FollowUpFields } from './follow-up-fields';
import { removeFollowUp } from './remove-follow-up';
import { updateFollowUp } from './update-follow-up';

/** One follow-up; an Architect can edit it, mark it done, or remove it. */
export function FollowUpRow({ drillId, followUp, canEdit }: { drillId: string; followUp: FollowUp; canEdit: boolean }) {
  const [updated, update, updating] = useRefreshingAction(updateFollowUp);
  const [removed, remove, removing] = useRefreshingAction(removeFollowUp);
  const Icon = followUp.done ? CircleCheck : CircleDashed;
  return (
    <li data-testid="follow-up" data-id={followUp.id} data-done={followUp.done} className="rounded-md border border-slate-800 bg-slate-950/60 p-3 text-sm">
      <div className="flex flex-wrap items-start gap-2">
        <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${followUp.done ? 'text-emerald-300' : 'text-slate-400'}`} />
        <p className={`min-w-0 flex-1 ${followUp.done ? 'text-slate-400 line-through' : ''}`}>{followUp.text}</p>
        <p className="text-slate-300">
          {followUp.owner}
          <span className="text-slate-400"> · due {followUp.dueDate ?? 'no date'}</span>
          <span className="sr-only">{followUp.done ? ', done' : ', open'}</span>
        </p>
      </div>
      {canEdit && (
        <details data-print-hidden className="mt-2">
          <summary className="cursor-pointer text-xs text-sky-300">Edit or remove</summary>
          <form action={update} className="mt-2 space-y-2">
            <input type="hidden" name="drillId" value={drillId} />
            <input type="hidden" name="id" value={followUp.id} />
            <FollowUpFields idPrefix={`follow-up-${followUp.id}`} value={followUp} errors={updated && !updated.ok ? updated.fieldErrors : undefined} />
            <button type="submit" disabled={updating} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
              {updating ? 'Saving…' : 'Save'}
            </button>
          </form>
          <form action={remove} className="mt-2">
            <input type="hidden" name="drillId" value={drillId} />
            <input type="hidden" name="id" value={followUp.id} />
            <button type="submit" disabled={removing} className="rounded-md border border-rose-500/60 px-3 py-1.5 text-sm text-rose-200 hover:bg-rose-500/10 disabled:opacity-60">
              {removing ? 'Removing…' : 'Remove'}
            </button>
          </form>
          <ActionMessage result={updated ?? removed} />
        </details>
      )}
    </li>
  );
}
