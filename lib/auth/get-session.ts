import { cookies } from 'next/headers';
import { cache } from 'react';
import { readSessionSecret } from './read-session-secret';
import type { Session } from './session';
import { SESSION_COOKIE_NAME, unsealSession } from './session-cookie';

/** The signed-in user, or null when the session cookie is missing, expired, forged or garbled. */
export const getSession = cache(async (): Promise<Session | null> => {
  const value = (await cookies()).get(SESSION_COOKIE_NAME)?.value;
  return unsealSession(value, readSessionSecret());
});
