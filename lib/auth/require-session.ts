import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSession } from './get-session';
import { REQUEST_PATH_HEADER } from './request-path-header';
import type { Session } from './session';
import { signInPath } from './sign-in-path';

/** The signed-in user; anyone else is redirected to sign in and brought back to `returnTo` (default: this page). */
export async function requireSession(returnTo?: string): Promise<Session> {
  const session = await getSession();
  if (session) return session;
  redirect(signInPath(returnTo ?? (await headers()).get(REQUEST_PATH_HEADER) ?? '/'));
}
