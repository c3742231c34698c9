import { forbidden } from 'next/navigation';
import { hasAnyRole, type Role } from '@/lib/domain/roles';
import { requireSession } from './require-session';
import type { Session } from './session';

/**
 * The signed-in user if they hold one of `allowed` (Admin holds them all); otherwise Next's
 * forbidden(): a real HTTP 403 rendering app/forbidden.tsx. Unauthenticated users go to sign in.
 */
export async function requireRole(allowed: readonly Role[], returnTo?: string): Promise<Session> {
  const session = await requireSession(returnTo);
  if (!hasAnyRole(session.roles, allowed)) forbidden();
  return session;
}
