import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { listDrills } from '@/lib/db/drills/list-drills';
import { listKnownUsers } from '@/lib/db/drills/list-known-users';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { SCHEDULE_ROLES } from './drill-action-deps';
import { DrillTable } from './drill-table';
import { ScheduleDrillForm } from './schedule-drill-form';

export const metadata: Metadata = { title: 'Drills' };
export const dynamic = 'force-dynamic';
const page = pageFor('/drills');

/** Upcoming drills (soonest first) and past ones (newest first), with the schedule form for those who may. */
export default async function DrillsPage() {
  const session = await requireRole(page.roles, page.href);
  const db = await getDb();
  const [drills, users] = await Promise.all([listDrills(db), listKnownUsers(db, { including: { id: session.userId, name: session.name, roles: [...session.roles] } })]);
  const { objectives } = getConfig();
  // Still to run (scheduled, requested) soonest first; ran or cancelled newest first.
  const upcoming = drills.filter((d) => d.state === 'scheduled' || d.state === 'requested').reverse();
  const past = drills.filter((d) => d.state === 'ran' || d.state === 'cancelled');
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <div className="grid gap-6">
        {hasAnyRole(session.roles, SCHEDULE_ROLES) && <ScheduleDrillForm users={users} />}
        <section data-testid="upcoming-drills">
          <DrillTable caption="Upcoming drills" drills={upcoming} objectives={objectives} />
        </section>
        <section data-testid="past-drills">
          <DrillTable caption="Past drills" drills={past} objectives={objectives} />
        </section>
      </div>
    </>
  );
}
