import type { Metadata } from 'next';
import { NothingYetPage } from '@/app/_components/nothing-yet-page';

export const metadata: Metadata = { title: 'Compliance' };

export default function CompliancePage() {
  return (
    <NothingYetPage href="/compliance" title="No evidence collected yet">
      <p>
        Evidence for CP-6 (alternate storage), CP-7 (alternate processing site), CP-9 (backups) and CP-10 (recovery) is built from verified backups, standby health and
        drill results as those features land. Until then there is nothing to show, rather than something invented.
      </p>
    </NothingYetPage>
  );
}
