import type { Metadata } from 'next';
import { NothingYetPage } from '@/app/_components/nothing-yet-page';

export const metadata: Metadata = { title: 'Costs' };

export default function CostsPage() {
  return (
    <NothingYetPage href="/costs" title="No cost data collected yet">
      <p>Monthly cost per region and service will come from Azure Cost Management, with the DR overhead and a comparison of the cold, warm and active-active models.</p>
    </NothingYetPage>
  );
}
