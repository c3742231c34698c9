import Link from 'next/link';
import { EmptyTableRow, TableHead } from '@/app/_components/table-head';
import type { RecoveryEventView } from '@/lib/metrics/failover-metrics';
import { formatDuration } from '../_status/format-duration';
import { ObjectiveBadge } from './objective-badge';
import { utcText } from '@/lib/domain/format-utc';

const COLUMNS = [{ label: 'When (UTC)' }, { label: 'Kind' }, { label: 'State' }, { label: 'RTO', align: 'right' as const }, { label: 'RTO vs objective' }, { label: 'RPO', align: 'right' as const }, { label: 'RPO vs objective' }, { label: 'Request' }];
const KIND: Record<string, string> = { failover: 'Real failover', failback: 'Failback', drill: 'Drill', 'storage-failover': 'Storage failover' };

/** Every real failover, failback and drill run, newest first, each linking to its request. */
export function EventsTable({ events, truncated }: { events: RecoveryEventView[]; truncated: boolean }) {
  return (
    <section aria-labelledby="events-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="events-heading" className="text-lg font-semibold">
        Failover events <span className="text-sm font-normal text-slate-400">({events.length})</span>
      </h2>
      {truncated && <p className="mt-1 text-sm text-amber-300">Showing the newest {events.length} runs; older ones are not listed.</p>}
      <div className="overflow-x-auto">
        <table className="mt-3 w-full text-left text-sm" data-testid="failover-events">
          <TableHead columns={COLUMNS} />
          <tbody>
            {events.length === 0 ? (
              <EmptyTableRow columns={COLUMNS.length}>No failover, failback or drill has executed yet (dry runs are not events).</EmptyTableRow>
            ) : (
              events.map((event) => (
                <tr key={event.runId} className="border-t border-slate-800" data-testid="failover-event" data-kind={event.kind} data-state={event.state}>
                  <td className="py-2 pr-3 whitespace-nowrap">{utcText(event.at)}</td>
                  <td className="py-2 pr-3">
                    {KIND[event.kind] ?? event.kind}
                    {event.drill && (
                      <>
                        {' '}
                        <Link href={`/drills/${event.drill.id}`} className="text-sky-300 underline-offset-2 hover:underline">
                          {event.drill.title}
                        </Link>
                      </>
                    )}
                  </td>
                  <td className="py-2 pr-3">{event.state}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(event.rtoSeconds)}</td>
                  <td className="py-2 pr-3">
                    <ObjectiveBadge within={event.rtoWithinObjective} />
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(event.rpoSeconds)}</td>
                  <td className="py-2 pr-3">
                    <ObjectiveBadge within={event.rpoWithinObjective} />
                  </td>
                  <td className="py-2 pr-3">
                    {event.requestId ? (
                      <Link href={`/failovers/${event.requestId}`} className="text-sky-300 underline-offset-2 hover:underline">
                        Open request
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
