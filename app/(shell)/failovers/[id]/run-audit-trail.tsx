import { RelativeTime } from '@/app/_components/relative-time';
import type { RunViewAuditEvent } from '@/lib/run-view/run-view';

const OUTCOME: Record<string, string> = { success: 'text-emerald-300', denied: 'text-amber-300', failure: 'text-rose-300' };

/** Who did what to the run and its request, oldest first, straight from the audit log. */
export function RunAuditTrail({ events }: { events: RunViewAuditEvent[] }) {
  return (
    <details className="text-sm" data-testid="run-audit-trail">
      <summary className="cursor-pointer font-medium text-slate-300 hover:text-white">Audit trail ({events.length} events)</summary>
      <ol className="mt-2 space-y-1 border-l border-slate-700 pl-3">
        {events.map((event) => (
          <li key={event.seq} data-testid="run-audit-event" data-action={event.action} className="text-xs">
            <span className="font-mono text-slate-200">{event.action}</span> <span className={OUTCOME[event.outcome] ?? 'text-slate-300'}>{event.outcome}</span>
            <span className="text-slate-400">
              {' '}
              · {event.actorName} · {event.targetType === 'runbook-run' ? 'run' : 'request'} · <RelativeTime iso={event.at} />
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
