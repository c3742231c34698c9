import { NextResponse } from 'next/server';
import { getSession } from '@/lib/auth/get-session';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { cachedReplicationOverview } from '@/lib/replication/cached-replication-overview';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };
const page = pageFor('/replication');

/** What the Replication page polls: the database, plus a cached Blob listing that may fail on its own. */
export async function GET() {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'unauthenticated', message: 'Sign in to use this API.' }, { status: 401, headers: NO_STORE });
  if (!hasAnyRole(session.roles, page.roles)) return NextResponse.json({ error: 'forbidden', message: `This needs the ${page.roles.join(' or ')} role.` }, { status: 403, headers: NO_STORE });
  try {
    return NextResponse.json(await cachedReplicationOverview(), { headers: NO_STORE });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return NextResponse.json({ error: 'unavailable', message: `The replication overview could not be read from the database: ${message}` }, { status: 503, headers: NO_STORE });
  }
}
