import type { Actor } from '@/lib/actions/run-secure-action';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db } from '@/lib/db/client';

// Tests only: the drill tests' people (lib/actions/testing/test-actors) made known to Lifeboat through their audited sign-in.

/** Audits a sign-in for each, as lib/auth does, so they become known users. */
export async function signIn(db: Db, people: readonly Actor[]): Promise<void> {
  for (const actor of people) {
    await db.$transaction((tx) => appendAuditEvent(tx, { actor: { id: actor.userId, name: actor.name, roles: actor.roles }, action: 'auth.sign-in', target: { type: 'user', id: actor.userId }, outcome: 'success', payload: {} }));
  }
}

/** The schedule form's fields for a drill `hoursAhead` from now with these participants. */
export function drillForm(participants: readonly string[], extra: Record<string, string> = {}, hoursAhead = 72): Record<string, string> {
  const when = new Date(Date.now() + hoursAhead * 3600_000).toISOString().slice(0, 16);
  return { title: 'Quarterly DR drill', scheduledFor: when, environment: 'lab', ...Object.fromEntries(participants.map((id) => [`participant:${id}`, 'on'])), ...extra };
}
