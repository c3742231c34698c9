import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { listAuditEvents, type AuditEventPage } from '@/lib/db/audit/list-audit-events';
import { getDb } from '@/lib/db/client';
import { auditFilterParams, isFiltered, parseAuditFilter } from '@/lib/domain/audit-filter';
import { pageFor } from '@/lib/domain/page-access';
import { AuditEventTable } from './audit-event-table';
import { AuditFilters } from './audit-filters';
import { ChainVerdict } from './chain-verdict';
import { MirrorStatus } from './mirror-status';

export const metadata: Metadata = { title: 'Audit' };
export const dynamic = 'force-dynamic';
const page = pageFor('/audit');
const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[key] = first;
  }
  return values;
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id={id} className="text-sm font-semibold uppercase tracking-wide text-slate-400">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  await requireRole(page.roles, page.href);
  const raw = firstValues(await searchParams);
  const parsed = parseAuditFilter(new URLSearchParams(raw));
  const before = /^[1-9]\d{0,18}$/.test(raw.before ?? '') ? BigInt(raw.before!) : undefined;
  const filter = parsed.ok ? parsed.filter : null;
  const result: AuditEventPage = filter ? await listAuditEvents(await getDb(), { filter, before, limit: PAGE_SIZE }) : { events: [], olderBefore: null };
  const query = filter ? auditFilterParams(filter).toString() : '';
  const filtered = filter ? isFiltered(filter) : false;
  const exportHref = (format: 'jsonl' | 'csv') => `/api/audit/export?format=${format}${query ? `&${query}` : ''}`;

  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose}>
        <div className="flex flex-col items-end gap-1">
          <div className="flex gap-2">
            <a href={exportHref('jsonl')} download className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
              <Download aria-hidden className="size-4" /> Download JSON Lines
            </a>
            <a href={exportHref('csv')} download className="inline-flex items-center gap-1.5 rounded-md border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800">
              <Download aria-hidden className="size-4" /> Download CSV
            </a>
          </div>
          <p className="text-xs text-slate-400">
            {filtered ? 'Exports the filtered events only: a subset, not verifiable as a chain.' : 'The whole log; verify it offline with npm run audit:verify -- <file>.'}
          </p>
        </div>
      </PageHeader>
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Panel id="chain" title="Hash chain">
          <Suspense fallback={<p className="text-sm text-slate-400">Verifying the whole chain…</p>}>
            <ChainVerdict />
          </Suspense>
        </Panel>
        <Panel id="mirror" title="Blob mirror (append-only copy)">
          <Suspense fallback={<p className="text-sm text-slate-400">Reading the mirror’s position…</p>}>
            <MirrorStatus />
          </Suspense>
        </Panel>
      </div>
      <AuditFilters filter={filter} raw={raw} />
      {!parsed.ok && (
        <p role="alert" className="mb-4 rounded-md border border-rose-500/40 bg-rose-500/10 px-3 py-2 text-sm text-rose-200">
          These filters cannot be used: {parsed.errors.join('; ')}
        </p>
      )}
      <AuditEventTable events={result.events} caption={`${filtered ? 'Matching audit events' : 'Audit events'}, newest first${before ? `, before #${before}` : ''}`} />
      <nav aria-label="Pages of events" className="mt-3 flex justify-between text-sm">
        {before ? (
          <a href={`/audit${query ? `?${query}` : ''}`} className="text-sky-300 hover:underline">
            ← Newest
          </a>
        ) : (
          <span />
        )}
        {result.olderBefore ? (
          <a href={`/audit?${query ? `${query}&` : ''}before=${result.olderBefore}`} className="text-sky-300 hover:underline" data-testid="older-events">
            Older events →
          </a>
        ) : (
          <span className="text-slate-400">{result.events.length ? 'No older events' : ''}</span>
        )}
      </nav>
    </>
  );
}
