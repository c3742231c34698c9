import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/require-role';
import { pageFor } from '@/lib/domain/page-access';
import { EmptyState } from './empty-state';
import { PageHeader } from './page-header';

/** A page whose feature has not landed: it still checks the role, and says plainly what will be here. */
export async function NothingYetPage({ href, title, children }: { href: string; title: string; children: ReactNode }) {
  const page = pageFor(href);
  await requireRole(page.roles, page.href);
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <EmptyState title={title}>{children}</EmptyState>
    </>
  );
}
