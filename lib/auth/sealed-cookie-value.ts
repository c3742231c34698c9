import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import type { z } from 'zod';
import { deriveCookieKey, type CookiePurpose } from './derive-cookie-key';

const ISSUER = 'lifeboat';

/**
 * Encrypts and authenticates a cookie payload (JWE, dir + A256GCM) under the purpose's key; the
 * payload travels in the `data` claim, `exp` is when it stops being accepted.
 */
export async function sealCookieValue(data: unknown, options: { secret: string; purpose: CookiePurpose; expiresAt: number }): Promise<string> {
  return new EncryptJWT({ data } satisfies JWTPayload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuer(ISSUER)
    .setAudience(options.purpose)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt)
    .encrypt(await deriveCookieKey(options.secret, options.purpose));
}

/** The payload, or null when the value is garbled, forged, sealed with another key or purpose, or expired. */
export async function unsealCookieValue<S extends z.ZodType>(
  value: string | undefined,
  schema: S,
  options: { secret: string; purpose: CookiePurpose },
): Promise<z.output<S> | null> {
  if (!value) return null;
  try {
    const { payload } = await jwtDecrypt(value, await deriveCookieKey(options.secret, options.purpose), {
      issuer: ISSUER,
      audience: options.purpose,
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      requiredClaims: ['exp'],
    });
    const parsed = schema.safeParse(payload.data);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
