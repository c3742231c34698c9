import { NextResponse, type NextRequest } from 'next/server';
import { getSession } from '@/lib/auth/get-session';
import { hasAnyRole, ROLES } from '@/lib/domain/roles';
import { cachedStatusSnapshot } from '@/lib/status/cached-status-snapshot';
import { parseStatusWindow, type StatusError } from '@/lib/status/status-snapshot';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

/** Whether the client's If-None-Match names this ETag (a list, weak or strong, or *). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });
}

/** The status board's one JSON document; reads only the database, through a one-second shared cache. */
export async function GET(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.json<StatusError>({ error: 'unauthenticated', message: 'Sign in to use this API.' }, { status: 401, headers: NO_STORE });
  if (!hasAnyRole(session.roles, ROLES)) return NextResponse.json<StatusError>({ error: 'forbidden', message: 'You hold no Lifeboat role.' }, { status: 403, headers: NO_STORE });
  const window = parseStatusWindow(request.nextUrl.searchParams.get('window'));
  let snapshot;
  try {
    snapshot = await cachedStatusSnapshot(window);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return NextResponse.json<StatusError>({ error: 'unavailable', message: `The status could not be read from the database: ${message}` }, { status: 503, headers: NO_STORE });
  }
  const etag = `"${snapshot.version}"`;
  const headers = { ...NO_STORE, etag };
  if (matches(request.headers.get('if-none-match'), etag)) return new NextResponse(null, { status: 304, headers });
  return NextResponse.json(snapshot, { headers });
}
