import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { cachedStatusSnapshot } from '@/lib/status/cached-status-snapshot';
import { parseStatusWindow } from '@/lib/status/status-snapshot';
import { ControlPlanePanel } from './_status/control-plane-panel';
import { REQUEST_ROLES } from './failovers/change-action-deps';
import { RequestChangeLinks } from './failovers/request-change-links';
import { KioskStyle } from './_status/kiosk-style';
import { StatusBoard } from './_status/status-board';

export const metadata: Metadata = { title: 'Status' };
export const dynamic = 'force-dynamic';
const page = pageFor('/');

export default async function StatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireRole(page.roles, page.href);
  const params = await searchParams;
  const kiosk = params.kiosk === '1';
  const { regions } = getConfig();
  const snapshot = await cachedStatusSnapshot(parseStatusWindow(typeof params.window === 'string' ? params.window : null));
  return (
    <>
      {kiosk && <KioskStyle />}
      <PageHeader title="DR status" purpose={page.purpose}>
        {!kiosk && (
          <div className="flex flex-wrap items-center gap-2">
            {hasAnyRole(session.roles, REQUEST_ROLES) && <RequestChangeLinks primary={regions.primary.name} secondary={regions.secondary.name} />}
            <Link href="/?kiosk=1" className="rounded-md border border-slate-700 px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800">
              Kiosk mode
            </Link>
          </div>
        )}
      </PageHeader>
      <div className="grid gap-6">
        <StatusBoard initial={snapshot} />
        <ControlPlanePanel initial={snapshot.controlPlane} canHandOver={!kiosk && hasAnyRole(session.roles, ['Admin'])} />
      </div>
    </>
  );
}
