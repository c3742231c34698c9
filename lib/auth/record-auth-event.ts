import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Session } from './session';

/** Who tried to sign in when the attempt failed before anyone was identified. */
const UNKNOWN_USER = { id: 'unknown', name: 'unknown user', roles: [] };

type AuthEvent =
  | { action: 'auth.sign-in'; session: Session; payload?: Record<string, unknown> }
  | { action: 'auth.sign-out'; session: Session; payload?: Record<string, unknown> }
  | { action: 'auth.sign-in-failed'; session?: Session; reason: string; payload?: Record<string, unknown> };

/** Audits a sign-in, sign-out or failed sign-in; never records tokens, codes or cookie values. */
export async function recordAuthEvent(event: AuthEvent): Promise<void> {
  const actor = event.session ? { id: event.session.userId, name: event.session.name, roles: event.session.roles } : UNKNOWN_USER;
  await recordAuditEvent({
    actor,
    action: event.action,
    target: { type: 'user', id: actor.id },
    outcome: event.action === 'auth.sign-in-failed' ? 'failure' : 'success',
    payload: {
      ...(event.session ? { email: event.session.email, roles: event.session.roles, authTime: event.session.authTime } : {}),
      ...(event.action === 'auth.sign-in-failed' ? { reason: event.reason } : {}),
      ...event.payload,
    },
  });
}
