import type { Metadata } from 'next';
import { NothingYetPage } from '@/app/_components/nothing-yet-page';

export const metadata: Metadata = { title: 'Drills' };

export default function DrillsPage() {
  return (
    <NothingYetPage href="/drills" title="No drill has been scheduled or run">
      <p>The DR plan asks for a drill every quarter. Scheduling, the drill runbook and drill reports with measured RTO and RPO arrive with the drills issue.</p>
    </NothingYetPage>
  );
}
