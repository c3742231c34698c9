import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { COMPONENTS, type ProbeRegion } from '@/lib/domain/probe-results';
import { pageFor } from '@/lib/domain/page-access';
import { readComponentHistory } from '@/lib/status/read-component-history';
import { parseStatusWindow, STATUS_WINDOWS } from '@/lib/status/status-snapshot';
import { formatDuration } from '../../_status/format-duration';
import { COMPONENT_LABEL } from '../../_status/status-tones';
import { HistoryChart } from './history-chart';
import { EmptyTableRow, TableHead } from '@/app/_components/table-head';

export const dynamic = 'force-dynamic';
const board = pageFor('/');

type Params = { params: Promise<{ component: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { component } = await params;
  const known = COMPONENTS.find((c) => c === component);
  return { title: known ? `${COMPONENT_LABEL[known]} history` : 'Unknown component' };
}

/** One component's history in both regions: chart over the window and its newest samples with their errors. */
const SAMPLE_COLUMNS = ['When', 'Region', 'Target', 'Result', 'Latency', 'Error'].map((label) => ({ label }));

export default async function ComponentPage({ params, searchParams }: Params) {
  const { component: raw } = await params;
  const component = COMPONENTS.find((c) => c === raw);
  if (!component) notFound();
  await requireRole(board.roles, `/components/${component}`);
  const query = await searchParams;
  const window = parseStatusWindow(typeof query.window === 'string' ? query.window : null);
  const history = await readComponentHistory(await getDb(), component, window);
  const { regions } = getConfig();
  const labels: Record<ProbeRegion, string> = { primary: `${regions.primary.label} (primary)`, secondary: `${regions.secondary.label} (secondary)`, global: 'Global' };
  const failed = history.recent.filter((sample) => !sample.ok).length;
  return (
    <>
      <PageHeader title={`${COMPONENT_LABEL[component]} history`} purpose={`Probe results of ${COMPONENT_LABEL[component]} in every region, over the last ${window}`}>
        <Link href="/" className="rounded-md border border-slate-700 px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800">
          Back to the board
        </Link>
      </PageHeader>
      <div className="grid gap-6">
        <nav aria-label="History window" className="flex gap-2 text-sm">
          {STATUS_WINDOWS.map((option) => (
            <Link key={option} href={`/components/${component}?window=${option}`} aria-current={option === window ? 'page' : undefined} className={`rounded-md border px-3 py-1 ${option === window ? 'border-sky-600 bg-sky-700 text-white' : 'border-slate-700 text-slate-300 hover:bg-slate-800'}`}>
              {option}
            </Link>
          ))}
        </nav>
        <section aria-labelledby="latency-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
          <h2 id="latency-heading" className="text-lg font-semibold">
            Probe latency
          </h2>
          <figure className="mt-3">
            <HistoryChart history={history} measure="latencyMs" regionLabels={labels} />
            <figcaption className="mt-2 text-sm text-slate-300">Mean latency of successful probes per {formatDuration(history.bucketSeconds)}, in milliseconds, per region.</figcaption>
          </figure>
        </section>
        {history.hasLag && (
          <section aria-labelledby="lag-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
            <h2 id="lag-heading" className="text-lg font-semibold">
              Data age
            </h2>
            <figure className="mt-3">
              <HistoryChart history={history} measure="lagSeconds" regionLabels={labels} />
              <figcaption className="mt-2 text-sm text-slate-300">Worst age of the newest copy (geo lag, snapshot or backup age) per {formatDuration(history.bucketSeconds)}, in minutes.</figcaption>
            </figure>
          </section>
        )}
        <section aria-labelledby="samples-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
          <h2 id="samples-heading" className="text-lg font-semibold">
            Recent samples <span className="text-sm font-normal text-slate-400">({failed} of {history.recent.length} failed)</span>
          </h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="recent-samples">
              <caption className="sr-only">The newest {history.recent.length} probe samples of {COMPONENT_LABEL[component]}, newest first</caption>
              <TableHead columns={SAMPLE_COLUMNS} />
              <tbody className="divide-y divide-slate-800">
                {history.recent.length === 0 && (
                  <EmptyTableRow columns={SAMPLE_COLUMNS.length}>No sample in the last {window}.</EmptyTableRow>
                )}
                {history.recent.map((sample) => (
                  <tr key={sample.id}>
                    <td className="py-2 pr-3">
                      <RelativeTime iso={sample.at} />
                    </td>
                    <td className="py-2 pr-3">{labels[sample.region]}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{sample.target}</td>
                    <td className="py-2 pr-3">
                      <StatusBadge tone={sample.ok ? 'good' : 'bad'} label={sample.ok ? 'OK' : 'Failed'} />
                    </td>
                    <td className="py-2 pr-3">{sample.latencyMs === null ? '—' : `${sample.latencyMs} ms`}</td>
                    <td className="py-2 font-mono text-xs text-rose-200">{sample.error ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
