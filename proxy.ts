import { NextResponse, type NextRequest } from 'next/server';
import { readSessionSecret } from '@/lib/auth/read-session-secret';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path-header';
import { SESSION_COOKIE_NAME, unsealSession } from '@/lib/auth/session-cookie';
import { signInPath } from '@/lib/auth/sign-in-path';

const STATIC_FILE = /\.(?:ico|png|svg|jpe?g|gif|webp|avif|txt|xml|webmanifest|woff2?|css|js|map)$/;

/** Reachable without a session: the sign-in routes, the health probe, Next's assets, public/ files. */
function isPublic(pathname: string): boolean {
  if (pathname === '/auth' || pathname.startsWith('/auth/') || pathname.startsWith('/_next/') || pathname === '/api/health') return true;
  // Scrapers have no session: the route checks its own bearer token (LIFEBOAT_METRICS_TOKEN).
  if (pathname === '/api/metrics') return true;
  return !pathname.startsWith('/api/') && STATIC_FILE.test(pathname);
}

/**
 * The first gate: no valid session cookie ⇒ pages redirect to sign-in (303, so a POST becomes a
 * GET), /api/ answers 401 JSON. Pages and actions still check roles themselves (requireRole).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname)) return NextResponse.next();

  const cookie = request.cookies.get(SESSION_COOKIE_NAME)?.value;
  const session = await unsealSession(cookie, readSessionSecret());
  if (session) {
    // Overwritten, never trusted from the client: requireSession uses it as the default returnTo.
    const headers = new Headers(request.headers);
    headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  }

  const response = pathname.startsWith('/api/')
    ? NextResponse.json({ error: 'unauthenticated', message: 'Sign in to use this API.' }, { status: 401 })
    : NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url), 303);
  if (cookie !== undefined) response.cookies.delete(SESSION_COOKIE_NAME);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image).*)'],
};
