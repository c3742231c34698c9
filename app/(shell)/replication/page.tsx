import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { cachedReplicationOverview } from '@/lib/replication/cached-replication-overview';
import { ReplicationView } from './replication-view';
import { RUN_JOB_ROLES } from './run-replication-job-definition';

export const metadata: Metadata = { title: 'Replication' };
export const dynamic = 'force-dynamic';
const page = pageFor('/replication');

export default async function ReplicationPage() {
  const session = await requireRole(page.roles, page.href);
  const overview = await cachedReplicationOverview();
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <ReplicationView initial={overview} canRun={hasAnyRole(session.roles, RUN_JOB_ROLES)} roles={session.roles} />
    </>
  );
}
