import { z } from 'zod';
import { sealCookieValue, unsealCookieValue } from './sealed-cookie-value';
import type { CookieOptions } from './session-cookie';

export const AUTH_TRANSACTION_COOKIE_NAME = 'lifeboat_auth_tx';

/** Ten minutes: as long as the provider keeps a sign-in attempt open. */
const TRANSACTION_SECONDS = 10 * 60;

/** What the callback needs to finish one sign-in attempt: PKCE verifier, CSRF state, nonce, where to go. */
export const AuthTransaction = z.object({
  state: z.string().min(16),
  codeVerifier: z.string().min(43).max(128),
  nonce: z.string().min(16),
  returnTo: z.string().startsWith('/'),
  /** Seconds; set when the sign-in asked for max_age, so the callback checks auth_time itself. */
  maxAge: z.number().int().nonnegative().optional(),
  expiresAt: z.number().int().positive(),
});
export type AuthTransaction = z.infer<typeof AuthTransaction>;

export function newTransactionExpiry(now: number = Date.now() / 1000): number {
  return Math.floor(now) + TRANSACTION_SECONDS;
}

export function sealAuthTransaction(transaction: AuthTransaction, secret: string): Promise<string> {
  return sealCookieValue(AuthTransaction.parse(transaction), { secret, purpose: 'auth-transaction', expiresAt: transaction.expiresAt });
}

export async function unsealAuthTransaction(value: string | undefined, secret: string): Promise<AuthTransaction | null> {
  return unsealCookieValue(value, AuthTransaction, { secret, purpose: 'auth-transaction' });
}

/** Scoped to /auth so it only travels to the callback. */
export function authTransactionCookieOptions(transaction: Pick<AuthTransaction, 'expiresAt'>, baseUrl: string): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: new URL(baseUrl).protocol === 'https:', path: '/auth', expires: new Date(transaction.expiresAt * 1000) };
}
