import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { listChangeRequests } from '@/lib/db/approvals/list-change-requests';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { REQUEST_ROLES } from './change-action-deps';
import { NewRequestForm } from './new-request-form';
import { RequestTable } from './request-table';

export const metadata: Metadata = { title: 'Failovers' };
export const dynamic = 'force-dynamic';
const page = pageFor('/failovers');

export default async function FailoversPage() {
  const session = await requireRole(page.roles, page.href);
  const requests = await listChangeRequests(await getDb());
  const { regions } = getConfig();
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <div className="grid gap-6">
        {hasAnyRole(session.roles, REQUEST_ROLES) && <NewRequestForm primary={regions.primary.name} secondary={regions.secondary.name} />}
        <RequestTable requests={requests} now={new Date()} />
      </div>
    </>
  );
}
