import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { requireRole } from '@/lib/auth/require-role';
import { readComplianceControls } from '@/lib/compliance/read-compliance-controls';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { ControlCard, STATUS_TONE } from './control-card';
import { EvidenceExportForm } from './evidence-export-form';
import { formatUtc } from '@/lib/domain/format-utc';

export const metadata: Metadata = { title: 'Compliance' };
export const dynamic = 'force-dynamic';
const page = pageFor('/compliance');
const DEFAULT_PERIOD_DAYS = 90;

export default async function CompliancePage() {
  await requireRole(page.roles, page.href);
  const now = new Date();
  const controls = await readComplianceControls(await getDb(), getConfig(), now);
  const today = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <div className="grid gap-6">
        <section aria-labelledby="controls-overview-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
          <h2 id="controls-overview-heading" className="text-lg font-semibold">
            NIST 800-53 contingency-planning controls
          </h2>
          <p className="mt-1 text-sm text-slate-400">Judged now from live evidence: the newest probes, verified backups and restores, and the newest drill. Evaluated {formatUtc(now, true)}.</p>
          <ul className="mt-3 flex flex-wrap gap-3" data-testid="controls-overview">
            {controls.map((control) => (
              <li key={control.id}>
                <a href={`#control-${control.id}`} className="inline-flex items-center gap-2 rounded-md border border-slate-800 bg-slate-950/60 px-3 py-2 text-sm hover:bg-slate-800">
                  <span className="font-mono font-semibold">{control.id}</span> {control.title} <StatusBadge {...STATUS_TONE[control.status]} />
                </a>
              </li>
            ))}
          </ul>
        </section>
        {controls.map((control) => (
          <ControlCard key={control.id} control={control} />
        ))}
        <EvidenceExportForm defaultFrom={from} defaultTo={today} />
      </div>
    </>
  );
}
