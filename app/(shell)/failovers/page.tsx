import type { Metadata } from 'next';
import { NothingYetPage } from '@/app/_components/nothing-yet-page';

export const metadata: Metadata = { title: 'Failovers' };

export default function FailoversPage() {
  return (
    <NothingYetPage href="/failovers" title="No failover or failback has run">
      <p>Runs appear here once the runbook engine lands: each step with its start, end, attempts and output, and the measured RTO and RPO.</p>
      <p>A failover always starts as a request that two approvers confirm; nothing here acts on one click.</p>
    </NothingYetPage>
  );
}
