import { NextResponse, type NextRequest } from 'next/server';
import { readAuthSettings } from '@/lib/auth/read-auth-settings';
import { recordAuthEvent } from '@/lib/auth/record-auth-event';
import { SESSION_COOKIE_NAME, unsealSession } from '@/lib/auth/session-cookie';
import { signInOutcomePath } from '@/lib/auth/sign-in-outcome-path';

export const dynamic = 'force-dynamic';

/** Ends the Lifeboat session (POST only, from our own pages), audits it, and says so. */
export async function POST(request: NextRequest) {
  const settings = await readAuthSettings();
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== settings.baseUrl && origin !== request.nextUrl.origin) {
    return NextResponse.json({ error: 'forbidden', message: 'Sign-out must come from a Lifeboat page.' }, { status: 403 });
  }
  const session = await unsealSession(request.cookies.get(SESSION_COOKIE_NAME)?.value, settings.sessionSecret);
  if (session) await recordAuthEvent({ action: 'auth.sign-out', session });
  const response = NextResponse.redirect(new URL(signInOutcomePath('signed-out'), settings.baseUrl), 303);
  response.cookies.delete({ name: SESSION_COOKIE_NAME, path: '/' });
  return response;
}
