import type { Metadata } from 'next';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { pageFor } from '@/lib/domain/page-access';

export const metadata: Metadata = { title: 'Approvals' };
const page = pageFor('/approvals');

export default async function ApprovalsPage() {
  const session = await requireRole(page.roles, page.href);
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <EmptyState title={`Nothing waits for you, ${session.name.split(' ')[0]}`}>
        <p>Failover, failback and drill requests will wait here for two approvers. You will never be asked to approve a request you made yourself.</p>
      </EmptyState>
    </>
  );
}
