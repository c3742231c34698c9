import { AuthError, type AuthenticationResult } from '@azure/msal-node';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { AUTH_TRANSACTION_COOKIE_NAME, unsealAuthTransaction } from '@/lib/auth/auth-transaction-cookie';
import { equalSecrets } from '@/lib/auth/equal-secrets';
import { getMsalClient, SIGN_IN_SCOPES } from '@/lib/auth/msal-client';
import { readAuthSettings } from '@/lib/auth/read-auth-settings';
import { recordAuthEvent } from '@/lib/auth/record-auth-event';
import type { Session } from '@/lib/auth/session';
import { sealSession, SESSION_COOKIE_NAME, sessionCookieOptions } from '@/lib/auth/session-cookie';
import { sessionFromIdToken } from '@/lib/auth/session-from-id-token';
import { signInOutcomePath } from '@/lib/auth/sign-in-outcome-path';

export const dynamic = 'force-dynamic';

const CallbackQuery = z.object({
  code: z.string().min(1).max(4096).optional(),
  state: z.string().min(1).max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

/** Clock skew allowed between Lifeboat and the provider when checking max_age. */
const AUTH_TIME_SKEW_SECONDS = 60;

/** Finishes the authorization-code flow: checks state, redeems the code with the PKCE verifier, seals the session. */
export async function GET(request: NextRequest) {
  const settings = await readAuthSettings();
  const failed = async (reason: string, session?: Session) => {
    await recordAuthEvent({ action: 'auth.sign-in-failed', reason, session, payload: { protocol: settings.protocol } });
    const response = NextResponse.redirect(new URL(signInOutcomePath('failed'), settings.baseUrl), 303);
    response.cookies.delete({ name: AUTH_TRANSACTION_COOKIE_NAME, path: '/auth' });
    return response;
  };

  const query = CallbackQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return failed('malformed callback parameters');
  if (query.data.error) return failed(`the provider refused: ${query.data.error}${query.data.error_description ? ` (${query.data.error_description})` : ''}`);

  const transaction = await unsealAuthTransaction(request.cookies.get(AUTH_TRANSACTION_COOKIE_NAME)?.value, settings.sessionSecret);
  if (!transaction) return failed('no sign-in in progress in this browser (it expired, or started on another host name)');
  const { code, state } = query.data;
  if (!code || !state || !equalSecrets(state, transaction.state)) return failed('state does not match the sign-in this browser started');

  const msal = getMsalClient(settings);
  let result: AuthenticationResult;
  try {
    result = await msal.acquireTokenByCode(
      { scopes: SIGN_IN_SCOPES, redirectUri: settings.redirectUri, code, codeVerifier: transaction.codeVerifier, state: transaction.state, nonce: transaction.nonce },
      { code, state },
    );
  } catch (error) {
    return failed(`token exchange failed: ${error instanceof AuthError ? `${error.errorCode}: ${error.errorMessage}` : String(error)}`);
  }
  // Lifeboat keeps no tokens: drop what MSAL cached, so memory does not grow with every sign-in.
  if (result.account) await msal.getTokenCache().removeAccount(result.account);

  const now = Math.floor(Date.now() / 1000);
  const built = sessionFromIdToken(result.idTokenClaims, { now, sessionHours: settings.sessionHours });
  if (!built.ok) return failed(`id token not usable: ${built.reason}`);
  const session = built.session;
  if (transaction.maxAge !== undefined && now - session.authTime > transaction.maxAge + AUTH_TIME_SKEW_SECONDS) {
    return failed(`the provider did not re-authenticate within max_age=${transaction.maxAge}s`, session);
  }

  await recordAuthEvent({ action: 'auth.sign-in', session, payload: { protocol: settings.protocol, expiresAt: session.expiresAt, freshLoginRequired: transaction.maxAge !== undefined } });
  const response = NextResponse.redirect(new URL(transaction.returnTo, settings.baseUrl), 303);
  response.headers.set('Cache-Control', 'no-store');
  response.cookies.set(SESSION_COOKIE_NAME, await sealSession(session, settings.sessionSecret), sessionCookieOptions(session, settings.baseUrl));
  response.cookies.delete({ name: AUTH_TRANSACTION_COOKIE_NAME, path: '/auth' });
  return response;
}
