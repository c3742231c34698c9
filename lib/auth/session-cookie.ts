import { sealCookieValue, unsealCookieValue } from './sealed-cookie-value';
import { Session } from './session';

export const SESSION_COOKIE_NAME = 'lifeboat_session';

/** Seals a session into the cookie value; it stops being accepted at `session.expiresAt`. */
export function sealSession(session: Session, secret: string): Promise<string> {
  return sealCookieValue(Session.parse(session), { secret, purpose: 'session', expiresAt: session.expiresAt });
}

/** The session in a cookie value, or null when it is missing, garbled, forged or expired. */
export async function unsealSession(value: string | undefined, secret: string, now: number = Date.now() / 1000): Promise<Session | null> {
  const session = await unsealCookieValue(value, Session, { secret, purpose: 'session' });
  return session && session.expiresAt > now ? session : null;
}

export type CookieOptions = { httpOnly: true; sameSite: 'lax'; secure: boolean; path: string; expires: Date };

/** httpOnly, SameSite=Lax (the IdP's redirect back is a top-level GET), Secure when served over https. */
export function sessionCookieOptions(session: Pick<Session, 'expiresAt'>, baseUrl: string): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: new URL(baseUrl).protocol === 'https:', path: '/', expires: new Date(session.expiresAt * 1000) };
}
