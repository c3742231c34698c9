import { EncryptJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AUTH_TRANSACTION_COOKIE_NAME, sealAuthTransaction, unsealAuthTransaction } from './auth-transaction-cookie';
import { readSessionSecret } from './read-session-secret';
import type { Session } from './session';
import { sealSession, SESSION_COOKIE_NAME, sessionCookieOptions, unsealSession } from './session-cookie';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const OTHER_SECRET = 'another-secret-that-is-long-enough-9876543210';
const now = () => Math.floor(Date.now() / 1000);

function session(overrides: Partial<Session> = {}): Session {
  return { userId: 'approver1', name: 'Alice Approver', email: 'approver1@lifeboat.test', roles: ['Approver'], authTime: now() - 5, expiresAt: now() + 3600, ...overrides };
}

describe('session cookie', () => {
  it('round-trips a session', async () => {
    const original = session();
    const sealed = await sealSession(original, SECRET);
    expect(sealed.split('.')).toHaveLength(5); // a compact JWE
    expect(sealed).not.toContain('Alice');
    expect(await unsealSession(sealed, SECRET)).toEqual(original);
  });

  it('keeps a session with no roles (users without a Lifeboat role)', async () => {
    const sealed = await sealSession(session({ roles: [] }), SECRET);
    expect((await unsealSession(sealed, SECRET))?.roles).toEqual([]);
  });

  it('refuses an expired session', async () => {
    const sealed = await sealSession(session({ expiresAt: now() - 1 }), SECRET);
    expect(await unsealSession(sealed, SECRET)).toBeNull();
  });

  it('refuses a session sealed with another secret', async () => {
    expect(await unsealSession(await sealSession(session(), OTHER_SECRET), SECRET)).toBeNull();
  });

  it('refuses a tampered, garbled or missing cookie', async () => {
    const sealed = await sealSession(session(), SECRET);
    const parts = sealed.split('.');
    const ciphertext = parts[3] ?? '';
    parts[3] = `${ciphertext.slice(0, -2)}${ciphertext.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await unsealSession(parts.join('.'), SECRET)).toBeNull();
    expect(await unsealSession('not-a-cookie', SECRET)).toBeNull();
    expect(await unsealSession(randomLooking(), SECRET)).toBeNull();
    expect(await unsealSession('', SECRET)).toBeNull();
    expect(await unsealSession(undefined, SECRET)).toBeNull();
  });

  it('refuses a well-sealed cookie whose content is not a session (roles outside the known set)', async () => {
    const { deriveCookieKey } = await import('./derive-cookie-key');
    const forged = await new EncryptJWT({ data: { ...session(), roles: ['SuperUser'] } })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuer('lifeboat')
      .setAudience('session')
      .setExpirationTime(now() + 60)
      .encrypt(await deriveCookieKey(SECRET, 'session'));
    expect(await unsealSession(forged, SECRET)).toBeNull();
  });

  it('does not accept a sign-in transaction cookie as a session, or the reverse', async () => {
    const transaction = { state: 's'.repeat(32), codeVerifier: 'v'.repeat(43), nonce: 'n'.repeat(32), returnTo: '/', expiresAt: now() + 600 };
    const sealedTransaction = await sealAuthTransaction(transaction, SECRET);
    expect(await unsealAuthTransaction(sealedTransaction, SECRET)).toEqual(transaction);
    expect(await unsealSession(sealedTransaction, SECRET)).toBeNull();
    expect(await unsealAuthTransaction(await sealSession(session(), SECRET), SECRET)).toBeNull();
    expect(AUTH_TRANSACTION_COOKIE_NAME).not.toBe(SESSION_COOKIE_NAME);
  });

  it('sets httpOnly, SameSite=Lax, an expiry, and Secure only over https', () => {
    const expiresAt = now() + 3600;
    expect(sessionCookieOptions({ expiresAt }, 'http://localhost:3000')).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', expires: new Date(expiresAt * 1000) });
    expect(sessionCookieOptions({ expiresAt }, 'https://lifeboat.example.org').secure).toBe(true);
  });
});

describe('readSessionSecret', () => {
  it('returns a secret of at least 32 characters', () => {
    expect(readSessionSecret({ LIFEBOAT_SESSION_SECRET: SECRET })).toBe(SECRET);
  });

  it('fails clearly when the secret is missing or short', () => {
    expect(() => readSessionSecret({})).toThrow(/LIFEBOAT_SESSION_SECRET must be set to at least 32 characters \(it is not set\)/);
    expect(() => readSessionSecret({ LIFEBOAT_SESSION_SECRET: 'short' })).toThrow(/it has 5/);
  });
});

function randomLooking(): string {
  return ['eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0', '', 'AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCCCCCCCC'].join('.');
}
