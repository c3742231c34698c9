import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import type { AuditEventRow } from '@/lib/db/audit/list-audit-events';
import { auditFilterParams, type AuditFilter } from '@/lib/domain/audit-filter';
import { EmptyTableRow, TableHead } from '@/app/_components/table-head';

const OUTCOME_TONE: Record<string, Tone> = { success: 'good', denied: 'warn', failure: 'bad' };

/** A link to the audit page narrowed to one value (actor, action, target). */
const narrowTo = (filter: AuditFilter) => `/audit?${auditFilterParams(filter).toString()}`;

const AUDIT_COLUMNS = ['#', 'When', 'Actor', 'Action', 'Target', 'Outcome', 'Details'].map((label) => ({ label }));

export function AuditEventTable({ events, caption }: { events: AuditEventRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table className="w-full text-left text-sm" data-testid="audit-events">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={AUDIT_COLUMNS} className="bg-slate-900 text-slate-400" cellClassName="px-3 py-2" />
        <tbody className="divide-y divide-slate-800 align-top">
          {events.length === 0 && (
            <EmptyTableRow columns={AUDIT_COLUMNS.length} className="px-3 py-6 text-center text-slate-400">
              No events match.
            </EmptyTableRow>
          )}
          {events.map((event) => (
            <tr key={event.seq} id={`seq-${event.seq}`} data-testid="audit-event" data-seq={event.seq} data-action={event.action}>
              <td className="px-3 py-2 font-mono text-slate-400">{event.seq}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={event.at.toISOString()} />
              </td>
              <td className="px-3 py-2">
                <a href={narrowTo({ actor: event.actorId })} className="hover:underline">
                  {event.actorName}
                </a>
                <div className="text-xs text-slate-400">
                  {event.actorId}
                  {event.actorRoles.length ? ` · ${event.actorRoles.join(', ')}` : ''}
                </div>
              </td>
              <td className="px-3 py-2 font-mono">
                <a href={narrowTo({ action: event.action })} className="hover:underline">
                  {event.action}
                </a>
              </td>
              <td className="px-3 py-2">
                <a href={narrowTo({ targetType: event.targetType, targetId: event.targetId })} className="hover:underline">
                  {event.targetType}: <span className="break-all">{event.targetId}</span>
                </a>
              </td>
              <td className="px-3 py-2">
                <StatusBadge tone={OUTCOME_TONE[event.outcome] ?? 'unknown'} label={event.outcome} />
              </td>
              <td className="px-3 py-2">
                <details>
                  <summary className="cursor-pointer whitespace-nowrap text-slate-300">
                    Payload <span className="sr-only">of event {event.seq}</span>
                  </summary>
                  <pre className="mt-2 max-w-xl overflow-x-auto rounded bg-slate-950 p-2 text-xs text-slate-200">{JSON.stringify(event.payload, null, 2)}</pre>
                  <p className="mt-1 font-mono text-xs break-all text-slate-400">hash {event.hash}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
