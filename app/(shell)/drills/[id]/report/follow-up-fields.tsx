import type { FollowUp } from '@/lib/domain/follow-up';

const INPUT = 'mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 text-sm text-slate-100';

function FieldError({ messages }: { messages: string[] | undefined }) {
  return messages ? <p className="mt-1 text-xs text-rose-300">{messages.join('; ')}</p> : null;
}

/** What a follow-up says, who owns it, by when, and whether it is done: the inputs of the add and edit forms. */
export function FollowUpFields({ idPrefix, value, errors }: { idPrefix: string; value?: FollowUp; errors?: Record<string, string[]> }) {
  return (
    <div className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_max-content_max-content] sm:items-start">
      <label className="text-xs text-slate-400" htmlFor={`${idPrefix}-text`}>
        Action
        <input id={`${idPrefix}-text`} name="text" required minLength={3} maxLength={2000} defaultValue={value?.text} className={INPUT} />
        <FieldError messages={errors?.text} />
      </label>
      <label className="text-xs text-slate-400" htmlFor={`${idPrefix}-owner`}>
        Owner
        <input id={`${idPrefix}-owner`} name="owner" required minLength={2} maxLength={200} defaultValue={value?.owner} className={INPUT} />
        <FieldError messages={errors?.owner} />
      </label>
      <label className="text-xs text-slate-400" htmlFor={`${idPrefix}-due`}>
        Due
        <input id={`${idPrefix}-due`} name="dueDate" type="date" defaultValue={value?.dueDate ?? ''} className={INPUT} />
        <FieldError messages={errors?.dueDate} />
      </label>
      <label className="flex items-center gap-2 pt-6 text-sm" htmlFor={`${idPrefix}-done`}>
        <input id={`${idPrefix}-done`} name="done" type="checkbox" defaultChecked={value?.done} className="accent-sky-500" />
        Done
      </label>
    </div>
  );
}
