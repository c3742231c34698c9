import { z } from 'zod';
import { rolesFromClaim } from '@/lib/domain/roles';
import type { Session } from './session';

const IdTokenClaims = z.object({
  sub: z.string().min(1),
  /** Entra's stable object id; other providers have only `sub`. */
  oid: z.string().min(1).optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  preferred_username: z.string().optional(),
  roles: z.unknown().optional(),
  auth_time: z.number({ error: 'the id token has no auth_time (in Entra ID, add it as an optional claim of the app registration)' }).int().positive(),
});

export type SessionFromIdToken = { ok: true; session: Session } | { ok: false; reason: string };

/** Builds a session from id token claims; unknown role values are dropped, so a user may have none. */
export function sessionFromIdToken(claims: unknown, options: { now: number; sessionHours: number }): SessionFromIdToken {
  const parsed = IdTokenClaims.safeParse(claims);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'claims'}: ${issue.message}`).join('; ') };
  const token = parsed.data;
  const email = token.email ?? token.preferred_username ?? '';
  return {
    ok: true,
    session: {
      userId: token.oid ?? token.sub,
      name: token.name?.trim() || email || token.sub,
      email,
      roles: rolesFromClaim(token.roles),
      authTime: token.auth_time,
      expiresAt: Math.floor(options.now) + Math.round(options.sessionHours * 3600),
    },
  };
}
