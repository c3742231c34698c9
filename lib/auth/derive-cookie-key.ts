export type CookiePurpose = 'session' | 'auth-transaction';

const cache = new Map<string, Promise<Uint8Array>>();

/**
 * A 256-bit key per purpose, derived from the session secret with HKDF-SHA256, so a cookie
 * sealed for one purpose can never be opened as another. WebCrypto keeps it runtime-neutral.
 */
export function deriveCookieKey(secret: string, purpose: CookiePurpose): Promise<Uint8Array> {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = cache.get(cacheKey);
  if (!key) {
    key = derive(secret, purpose);
    cache.set(cacheKey, key);
  }
  return key;
}

async function derive(secret: string, purpose: CookiePurpose): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('lifeboat'), info: encoder.encode(`lifeboat ${purpose} cookie v1`) },
    material,
    256,
  );
  return new Uint8Array(bits);
}
