import { hasAnyRole, ROLES, type Role } from './roles';

export type NavPage = { href: string; label: string; roles: readonly Role[]; purpose: string };

/** The app's pages, who may open them, and what each is for; the header and every page read this. */
export const NAV_PAGES: readonly NavPage[] = [
  { href: '/', label: 'Status', roles: ROLES, purpose: 'Is DR ready right now, and what is broken' },
  { href: '/replication', label: 'Replication', roles: ROLES, purpose: 'Snapshots and backups on each side, what the standby holds, and the data a failover would lose' },
  { href: '/failovers', label: 'Failovers', roles: ROLES, purpose: 'Failover, failback and drill requests: the plan, its approvals, its state' },
  { href: '/approvals', label: 'Approvals', roles: ['Approver', 'Admin'], purpose: 'Requests waiting for your decision' },
  { href: '/drills', label: 'Drills', roles: ROLES, purpose: 'Drill schedule, reports and measured RTO/RPO' },
  { href: '/metrics', label: 'Metrics', roles: ROLES, purpose: 'Historical RTO and RPO of every drill and real failover, drill results, and the trend against the objectives' },
  { href: '/costs', label: 'Costs', roles: ROLES, purpose: 'What the standby region costs' },
  { href: '/compliance', label: 'Compliance', roles: ROLES, purpose: 'Evidence for NIST 800-53 CP-6, CP-7, CP-9, CP-10' },
  { href: '/audit', label: 'Audit', roles: ['Admin', 'Architect'], purpose: 'Every event, with its hash chain verified' },
];

export function pageFor(href: string): NavPage {
  const page = NAV_PAGES.find((p) => p.href === href);
  if (!page) throw new Error(`no page ${href} in NAV_PAGES`);
  return page;
}

export function canOpen(roles: readonly Role[], page: NavPage): boolean {
  return hasAnyRole(roles, page.roles);
}
