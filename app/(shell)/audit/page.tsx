import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge, type Tone } from '@/app/_components/status-badge';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { requireRole } from '@/lib/auth/require-role';
import { listAuditEvents } from '@/lib/db/audit/list-audit-events';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';

export const metadata: Metadata = { title: 'Audit' };
export const dynamic = 'force-dynamic';
const page = pageFor('/audit');

const OUTCOME_TONE: Record<string, Tone> = { success: 'good', denied: 'warn', failure: 'bad' };

export default async function AuditPage() {
  await requireRole(page.roles, page.href);
  const db = await getDb();
  const [verdict, events] = await Promise.all([verifyAuditChain(db), listAuditEvents(db, 100)]);
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <section aria-labelledby="chain" className="mb-6 rounded-lg border border-slate-800 bg-slate-900 p-4">
        <h2 id="chain" className="text-sm font-semibold uppercase tracking-wide text-slate-400">
          Hash chain
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-3" data-testid="chain-verdict">
          {verdict.ok ? (
            <>
              <StatusBadge tone="good" label="Intact" />
              <span className="text-sm text-slate-300">{verdict.checked} {verdict.checked === 1 ? 'event' : 'events'} checked: each links to the one before it and hashes to what was stored.</span>
            </>
          ) : (
            <>
              <StatusBadge tone="bad" label="Broken" />
              <span className="text-sm text-slate-200">
                Event #{verdict.firstBreak.seq.toString()}: {verdict.firstBreak.reason === 'content-altered' ? 'its content was changed' : 'the event before it is missing or was replaced'} (
                {verdict.firstBreak.detail}). {verdict.checked} events before it are intact.
              </span>
            </>
          )}
        </div>
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Newest 100 audit events</caption>
          <thead className="bg-slate-900 text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">#</th>
              <th scope="col" className="px-3 py-2 font-medium">When</th>
              <th scope="col" className="px-3 py-2 font-medium">Actor</th>
              <th scope="col" className="px-3 py-2 font-medium">Action</th>
              <th scope="col" className="px-3 py-2 font-medium">Target</th>
              <th scope="col" className="px-3 py-2 font-medium">Outcome</th>
              <th scope="col" className="px-3 py-2 font-medium">Hash</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800">
            {events.length === 0 && (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-400">
                  No events yet.
                </td>
              </tr>
            )}
            {events.map((event) => (
              <tr key={event.seq}>
                <td className="px-3 py-2 font-mono text-slate-400">{event.seq}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <RelativeTime iso={event.at.toISOString()} />
                </td>
                <td className="px-3 py-2">{event.actorName}</td>
                <td className="px-3 py-2 font-mono">{event.action}</td>
                <td className="px-3 py-2">
                  {event.targetType}: {event.targetId}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge tone={OUTCOME_TONE[event.outcome] ?? 'unknown'} label={event.outcome} />
                </td>
                <td className="px-3 py-2 font-mono text-xs text-slate-400" title={event.hash}>
                  {event.hash.slice(0, 12)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
