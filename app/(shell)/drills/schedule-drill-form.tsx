'use client';

import { CalendarPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { KnownUser } from '@/lib/db/drills/list-known-users';
import { ActionMessage } from '../failovers/action-message';
import { participantField } from './drill-inputs';
import { scheduleDrill } from './schedule-drill';

const field = 'mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100';

/** Title, date-time (UTC), environment and at least two participants from the people who have signed in. */
export function ScheduleDrillForm({ users }: { users: readonly KnownUser[] }) {
  const router = useRouter();
  const [result, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(scheduleDrill, null);
  useEffect(() => {
    if (result?.ok) router.push(`/drills/${result.data.id}`);
  }, [result, router]);
  return (
    <section aria-labelledby="schedule-drill-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="schedule-drill-heading" className="text-lg font-semibold">
        Schedule a drill
      </h2>
      <form action={action} className="mt-3 grid gap-4 md:grid-cols-2" data-testid="schedule-drill-form">
        <label className="text-sm text-slate-300">
          Title
          <input name="title" required minLength={3} maxLength={200} className={field} placeholder="Q4 DR drill" />
        </label>
        <label className="text-sm text-slate-300">
          Date and time (UTC)
          <input name="scheduledFor" type="datetime-local" required className={field} />
        </label>
        <label className="text-sm text-slate-300">
          Environment <span className="text-slate-400">(lab: the region-down fault; a name: the primary origin disabled through Front Door)</span>
          <input name="environment" required defaultValue="lab" maxLength={40} className={field} />
        </label>
        <fieldset className="text-sm text-slate-300">
          <legend>Participants (at least two; people who have signed in to Lifeboat)</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {users.map((user) => (
              <label key={user.id} className="flex items-center gap-2">
                <input type="checkbox" name={participantField(user.id)} className="accent-sky-500" data-testid="participant-choice" value="on" />
                {user.name} <span className="text-slate-400">({user.roles.join(', ') || 'no role'})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <button type="submit" disabled={pending} data-testid="schedule-drill" className="inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
            <CalendarPlus aria-hidden className="size-4" />
            {pending ? 'Scheduling…' : 'Schedule the drill'}
          </button>
          <ActionMessage result={result} />
        </div>
      </form>
    </section>
  );
}
