import { SignJWT } from 'jose';

export const TOKEN_ISSUER = 'lifeboat-lab-protected-app';
export const TOKEN_AUDIENCE = 'protected-app';
const LIFETIME_SECONDS = 3600;

/** A bearer token for the auth smoke test: HS256 with the lab's secret, so every region accepts it. */
export async function issueToken(secret: Uint8Array, user: string): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secret);
  return { access_token: token, token_type: 'Bearer', expires_in: LIFETIME_SECONDS };
}
