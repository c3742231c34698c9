'use client';

import { Plus } from 'lucide-react';
import { useRef } from 'react';
import { useRefreshingAction } from '@/app/_components/use-refreshing-action';
import { ActionMessage } from '../../../failovers/action-message';
import { addFollowUp } from './add-follow-up';
import { FollowUpFields } from './follow-up-fields';

/** Architect: add a follow-up action (what, who, by when). */
export function AddFollowUpForm({ drillId }: { drillId: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [result, action, pending] = useRefreshingAction(addFollowUp, () => form.current?.reset());
  return (
    <form ref={form} action={action} data-print-hidden data-testid="add-follow-up" className="space-y-2 rounded-md border border-dashed border-slate-700 p-3">
      <input type="hidden" name="drillId" value={drillId} />
      <FollowUpFields idPrefix="new-follow-up" errors={result && !result.ok ? result.fieldErrors : undefined} />
      <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
        <Plus aria-hidden className="size-4" /> {pending ? 'Adding…' : 'Add follow-up'}
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
