import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { readFailoverMetrics } from '@/lib/metrics/read-failover-metrics';
import { DrillResults } from './drill-results';
import { EventsTable } from './events-table';
import { RecoveryChart } from './recovery-chart';
import { TrendSummary } from './trend-summary';

export const metadata: Metadata = { title: 'Failover metrics' };
export const dynamic = 'force-dynamic';
const page = pageFor('/metrics');

export default async function FailoverMetricsPage() {
  await requireRole(page.roles, page.href);
  const { objectives } = getConfig();
  const metrics = await readFailoverMetrics(await getDb(), objectives);
  return (
    <>
      <PageHeader title="Failover metrics" purpose={page.purpose} />
      <div className="grid gap-6" data-testid="failover-metrics">
        <TrendSummary rto={metrics.trend.rto} rpo={metrics.trend.rpo} />
        <div className="grid gap-6 xl:grid-cols-2">
          <RecoveryChart measure="RTO" points={metrics.rto} objectiveMinutes={objectives.rtoMinutes} testId="rto-chart" />
          <RecoveryChart measure="RPO" points={metrics.rpo} objectiveMinutes={objectives.rpoMinutes} testId="rpo-chart" />
        </div>
        <DrillResults drills={metrics.drills} counts={metrics.drillCounts} />
        <EventsTable events={metrics.events} truncated={metrics.truncated} />
      </div>
    </>
  );
}
