'use client';

import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { useRefreshingAction } from '@/app/_components/use-refreshing-action';
import { ActionMessage } from '../../../failovers/action-message';
import { MAX_LESSONS_CHARACTERS } from './report-inputs';
import { updateLessons } from './update-lessons';

/** The lessons learned as written; an Architect edits them in place (each save is audited). */
export function LessonsPanel({ drillId, lessons, canEdit }: { drillId: string; lessons: string; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [result, action, pending] = useRefreshingAction(updateLessons, () => setEditing(false));
  const errors = result && !result.ok ? result.fieldErrors?.lessons : undefined;
  return (
    <div className="space-y-3">
      {editing ? (
        <form action={action} className="space-y-2" data-print-hidden>
          <input type="hidden" name="drillId" value={drillId} />
          <label htmlFor="lessons" className="text-sm font-medium text-slate-300">
            Lessons learned <span className="font-normal text-slate-400">(at most {MAX_LESSONS_CHARACTERS.toLocaleString('en')} characters)</span>
          </label>
          <textarea
            id="lessons"
            name="lessons"
            defaultValue={lessons}
            maxLength={MAX_LESSONS_CHARACTERS}
            rows={10}
            aria-invalid={errors ? true : undefined}
            data-testid="lessons-input"
            className="w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100"
          />
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" disabled={pending} data-testid="save-lessons" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
              {pending ? 'Saving…' : 'Save lessons'}
            </button>
            <button type="button" onClick={() => setEditing(false)} className="rounded-md border border-slate-700 px-3 py-1.5 text-sm hover:bg-slate-800">
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div data-testid="lessons-learned" className="whitespace-pre-wrap break-words text-sm">
          {lessons.trim() ? lessons : <span className="text-slate-400">None written yet.</span>}
        </div>
      )}
      {canEdit && !editing && (
        <button type="button" onClick={() => setEditing(true)} data-testid="edit-lessons" data-print-hidden className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
          <Pencil aria-hidden className="size-4" /> Edit lessons learned
        </button>
      )}
      <div data-print-hidden>
        <ActionMessage result={result} />
      </div>
    </div>
  );
}
