import type { Metadata } from 'next';
import { z } from 'zod';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { listChangeRequests } from '@/lib/db/approvals/list-change-requests';
import { getDb } from '@/lib/db/client';
import { CHANGE_KINDS } from '@/lib/domain/change-plan';
import { offeredChangeKinds } from '@/lib/domain/offered-change-kinds';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { REQUEST_ROLES } from './change-action-deps';
import { NewRequestForm } from './new-request-form';
import { RequestChangeLinks } from './request-change-links';
import { RequestTable } from './request-table';

export const metadata: Metadata = { title: 'Failovers' };
export const dynamic = 'force-dynamic';
const page = pageFor('/failovers');

const NewKind = z.enum(CHANGE_KINDS);

/** Every request; `?new=<kind>` (one this deployment offers) opens the new-request form with that kind chosen. */
export default async function FailoversPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireRole(page.roles, page.href);
  const preselected = NewKind.safeParse((await searchParams).new);
  const canRequest = hasAnyRole(session.roles, REQUEST_ROLES);
  const requests = await listChangeRequests(await getDb());
  const { regions, runbooks } = getConfig();
  const kinds = offeredChangeKinds(runbooks.optionalSteps);
  const chosen = preselected.data && kinds.includes(preselected.data) ? preselected.data : undefined;
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose}>
        {canRequest && <RequestChangeLinks primary={regions.primary.name} secondary={regions.secondary.name} />}
      </PageHeader>
      <div className="grid gap-6">
        {canRequest && <NewRequestForm key={chosen ?? 'none'} primary={regions.primary.name} secondary={regions.secondary.name} kinds={kinds} preselected={chosen} />}
        <RequestTable requests={requests} now={new Date()} />
      </div>
    </>
  );
}
