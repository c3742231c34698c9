import { randomBytes } from 'node:crypto';
import { CryptoProvider, ResponseMode } from '@azure/msal-node';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { AUTH_TRANSACTION_COOKIE_NAME, authTransactionCookieOptions, newTransactionExpiry, sealAuthTransaction, type AuthTransaction } from '@/lib/auth/auth-transaction-cookie';
import { getMsalClient, SIGN_IN_SCOPES } from '@/lib/auth/msal-client';
import { readAuthSettings } from '@/lib/auth/read-auth-settings';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { signInOutcomePath } from '@/lib/auth/sign-in-outcome-path';

export const dynamic = 'force-dynamic';

const SignInQuery = z.object({
  returnTo: z.string().optional(),
  /** `login` forces a fresh login at the provider (approvers re-authenticating, switching user). */
  prompt: z.literal('login').optional(),
  /** Seconds: the provider must re-authenticate anyone whose last login is older. */
  maxAge: z.coerce.number().int().min(0).max(24 * 3600).optional(),
});

/** Starts the authorization-code flow with PKCE: remembers verifier, state and nonce in a sealed cookie, then goes to the provider. */
export async function GET(request: NextRequest) {
  const query = SignInQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return NextResponse.json({ error: 'invalid_request', issues: query.error.issues.map((issue) => issue.message) }, { status: 400 });

  const settings = await readAuthSettings();
  const pkce = await new CryptoProvider().generatePkceCodes();
  const transaction: AuthTransaction = {
    state: randomBytes(32).toString('base64url'),
    codeVerifier: pkce.verifier,
    nonce: randomBytes(32).toString('base64url'),
    returnTo: safeReturnTo(query.data.returnTo),
    maxAge: query.data.maxAge,
    expiresAt: newTransactionExpiry(),
  };

  let providerUrl: string;
  try {
    providerUrl = await getMsalClient(settings).getAuthCodeUrl({
      scopes: SIGN_IN_SCOPES,
      redirectUri: settings.redirectUri,
      responseMode: ResponseMode.QUERY,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
      ...(query.data.prompt ? { prompt: query.data.prompt } : {}),
      // MSAL no longer sends max_age itself; the callback checks auth_time against it.
      ...(query.data.maxAge !== undefined ? { extraQueryParameters: { max_age: String(query.data.maxAge) } } : {}),
    });
  } catch (error) {
    console.error('sign-in: the identity provider could not be reached', error);
    return NextResponse.redirect(new URL(signInOutcomePath('unavailable'), settings.baseUrl), 303);
  }

  const response = NextResponse.redirect(providerUrl, 303);
  response.headers.set('Cache-Control', 'no-store');
  response.cookies.set(AUTH_TRANSACTION_COOKIE_NAME, await sealAuthTransaction(transaction, settings.sessionSecret), authTransactionCookieOptions(transaction, settings.baseUrl));
  return response;
}
