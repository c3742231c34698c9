import { jwtVerify } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './issue-token';

export type TokenCheck = { ok: true; user: string } | { ok: false; reason: string };

/** Checks an `Authorization: Bearer …` header: signature (HS256 only), issuer, audience, expiry. */
export async function verifyToken(secret: Uint8Array, authorization: string | undefined): Promise<TokenCheck> {
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization ?? '');
  if (!match?.[1]) return { ok: false, reason: 'missing or malformed bearer token' };
  try {
    const { payload } = await jwtVerify(match[1], secret, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    if (!payload.sub) return { ok: false, reason: 'token has no subject' };
    return { ok: true, user: payload.sub };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid token' };
  }
}
