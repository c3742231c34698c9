import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { readCostsOverview } from '@/lib/costs/read-costs-overview';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { CostsView } from './costs-view';

export const metadata: Metadata = { title: 'Costs' };
export const dynamic = 'force-dynamic';
const page = pageFor('/costs');

/** Reads only the database: the leading worker fetches Cost Management on its schedule and stores the months. */
export default async function CostsPage() {
  await requireRole(page.roles, page.href);
  const overview = await readCostsOverview(await getDb(), getConfig());
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <CostsView overview={overview} />
    </>
  );
}
