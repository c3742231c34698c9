import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from './issue-token';
import { verifyToken } from './verify-token';

const secret = new TextEncoder().encode('lab-secret-for-tests-0123456789abcdef');
const other = new TextEncoder().encode('another-lab-secret-0123456789abcdef');

describe('auth smoke-test tokens', () => {
  it('accepts a token it issued and names the user', async () => {
    const { access_token } = await issueToken(secret, 'operator');
    expect(await verifyToken(secret, `Bearer ${access_token}`)).toEqual({ ok: true, user: 'operator' });
  });

  it('refuses a missing header, another secret, a tampered or expired token', async () => {
    const { access_token } = await issueToken(secret, 'operator');
    expect((await verifyToken(secret, undefined)).ok).toBe(false);
    expect((await verifyToken(other, `Bearer ${access_token}`)).ok).toBe(false);
    const [header, , signature] = access_token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })).toString('base64url');
    expect((await verifyToken(secret, `Bearer ${header}.${forged}.${signature}`)).ok).toBe(false);
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('operator').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(secret);
    expect(await verifyToken(secret, `Bearer ${expired}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/exp/) });
  });
});
