import { NextResponse } from 'next/server';
import { getSession } from '@/lib/auth/get-session';
import { readControlPlaneHealth } from '@/lib/control-plane/read-control-plane-health';
import { getDb } from '@/lib/db/client';
import { hasAnyRole, ROLES } from '@/lib/domain/roles';

export const dynamic = 'force-dynamic';

/** What the status board's control-plane panel polls. */
export async function GET() {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  if (!hasAnyRole(session.roles, ROLES)) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  return NextResponse.json(await readControlPlaneHealth(await getDb()), { headers: { 'cache-control': 'no-store' } });
}
