import { RelativeTime } from '@/app/_components/relative-time';
import type { TransitionRecord } from '@/lib/db/approvals/change-request-record';
import type { ChangeState } from '@/lib/domain/approval-rules';
import { CHANGE_STATE } from '../change-state-badge';

const label = (state: string | null) => (state === null ? 'created' : (CHANGE_STATE[state as ChangeState]?.label ?? state));

/** Every state change, oldest first: from → to, who, when and why. */
export function TransitionsList({ transitions }: { transitions: TransitionRecord[] }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      <ol className="mt-3 space-y-3 border-l border-slate-700 pl-4" data-testid="transitions">
        {transitions.map((transition, index) => (
          <li key={index} data-testid="transition" data-to={transition.toState} className="relative text-sm">
            <span aria-hidden className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-slate-500" />
            <p>
              <span className="text-slate-400">{label(transition.fromState)}</span> → <span className="font-medium">{label(transition.toState)}</span>
              <span className="text-slate-400">
                {' '}
                · {transition.actorName} · <RelativeTime iso={transition.at.toISOString()} />
              </span>
            </p>
            {transition.comment && <p className="mt-0.5 text-slate-300">{transition.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
