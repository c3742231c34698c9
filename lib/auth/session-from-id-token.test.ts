import { describe, expect, it } from 'vitest';
import { sessionFromIdToken } from './session-from-id-token';

const now = 1_800_000_000;

describe('sessionFromIdToken', () => {
  it('maps lab provider claims to a session that expires after sessionHours', () => {
    const result = sessionFromIdToken(
      { sub: 'approver2', name: 'Bob Approver', email: 'approver2@lifeboat.test', roles: ['Approver'], auth_time: now - 3 },
      { now, sessionHours: 8 },
    );
    expect(result).toEqual({
      ok: true,
      session: { userId: 'approver2', name: 'Bob Approver', email: 'approver2@lifeboat.test', roles: ['Approver'], authTime: now - 3, expiresAt: now + 8 * 3600 },
    });
  });

  it('prefers Entra object id and preferred_username when there is no email claim', () => {
    const result = sessionFromIdToken({ sub: 'pairwise-sub', oid: 'object-id', name: 'Ops Person', preferred_username: 'ops@contoso.example', roles: ['Operator', 'Admin'], auth_time: now }, { now, sessionHours: 1 });
    expect(result.ok && result.session).toMatchObject({ userId: 'object-id', email: 'ops@contoso.example', roles: ['Operator', 'Admin'] });
  });

  it('keeps only known roles, so an unknown role leaves the user with none', () => {
    const result = sessionFromIdToken({ sub: 'x', name: 'X', roles: ['GlobalAdmin', 'viewer'], auth_time: now }, { now, sessionHours: 1 });
    expect(result.ok && result.session.roles).toEqual([]);
    const none = sessionFromIdToken({ sub: 'y', name: 'Y', auth_time: now }, { now, sessionHours: 1 });
    expect(none.ok && none.session.roles).toEqual([]);
  });

  it('refuses a token without auth_time, saying how to fix it in Entra', () => {
    const result = sessionFromIdToken({ sub: 'x', name: 'X', roles: ['Admin'] }, { now, sessionHours: 1 });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/auth_time.*optional claim/) });
  });

  it('refuses claims that are not an object or lack a subject', () => {
    expect(sessionFromIdToken(undefined, { now, sessionHours: 1 }).ok).toBe(false);
    expect(sessionFromIdToken({ name: 'X', auth_time: now }, { now, sessionHours: 1 }).ok).toBe(false);
  });
});
