import type { z } from 'zod';
import { appendAuditEvent } from '@/lib/db/audit/append-audit-event';
import type { Db, DbTx } from '@/lib/db/client';
import { ExpectedFailure } from '@/lib/domain/errors';
import { hasAnyRole, type Role } from '@/lib/domain/roles';
import type { ActionResult } from './action-result';

/** The part of a session an action needs. */
export type Actor = { userId: string; name: string; roles: readonly Role[]; /** id token auth_time, epoch seconds (re-authentication checks). */ authTime?: number };

export type SecureActionDefinition<S extends z.ZodType, T, P = undefined> = {
  /** Audit action name, e.g. `control-plane.step-down`. */
  action: string;
  roles: readonly Role[];
  input: S;
  target: (input: z.output<S>) => { type: string; id: string };
  /** Reads done before the transaction opens (after role and input checks), handed to `run`. */
  prepare?: (ctx: { actor: Actor; input: z.output<S>; db: Db }) => Promise<P>;
  /** The change; it runs in the transaction that also records its audit event (`target` there names what it created). */
  run: (ctx: { actor: Actor; input: z.output<S>; tx: DbTx; prepared: P }) => Promise<{ data: T; message?: string; payload?: Record<string, unknown>; target?: { type: string; id: string } }>;
};

function auditActor(actor: Actor) {
  return { id: actor.userId, name: actor.name, roles: actor.roles };
}

/**
 * Authenticate, authorize, validate, then run the change and its audit event in one transaction.
 * Refusals change nothing; a denial and an expected failure are audited as what they were.
 */
export async function runSecureAction<S extends z.ZodType, T, P = undefined>(
  def: SecureActionDefinition<S, T, P>,
  actor: Actor | null,
  raw: unknown,
  db: Db,
): Promise<ActionResult<T>> {
  if (!actor) return { ok: false, error: 'unauthenticated', message: 'Your session has ended. Sign in again.' };
  if (!hasAnyRole(actor.roles, def.roles)) {
    await db.$transaction((tx) =>
      appendAuditEvent(tx, { actor: auditActor(actor), action: def.action, target: { type: 'action', id: def.action }, outcome: 'denied', payload: { needs: def.roles } }),
    );
    return { ok: false, error: 'forbidden', message: `This needs the ${def.roles.join(' or ')} role.` };
  }
  const parsed = def.input.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
    return { ok: false, error: 'invalid', message: 'Some fields need another look.', fieldErrors };
  }
  const input = parsed.data;
  const target = def.target(input);
  try {
    const prepared = (def.prepare ? await def.prepare({ actor, input, db }) : undefined) as P;
    return await db.$transaction(async (tx) => {
      const outcome = await def.run({ actor, input, tx, prepared });
      await appendAuditEvent(tx, { actor: auditActor(actor), action: def.action, target: outcome.target ?? target, outcome: 'success', payload: { input, ...outcome.payload } });
      return { ok: true as const, data: outcome.data, message: outcome.message };
    });
  } catch (error) {
    if (!(error instanceof ExpectedFailure)) throw error;
    await db.$transaction((tx) =>
      appendAuditEvent(tx, { actor: auditActor(actor), action: def.action, target, outcome: 'failure', payload: { input, reason: error.message, code: error.code } }),
    );
    return { ok: false, error: 'failed', message: error.message, code: error.code };
  }
}
