import type { Role } from './roles';

export type AuditActor = { id: string; name: string; roles: readonly Role[] | readonly string[] };
export type AuditOutcome = 'success' | 'denied' | 'failure';

/** What a caller says happened; time, sequence and hashes are added when it is recorded. */
export type AuditEventInput = {
  actor: AuditActor;
  action: string;
  target: { type: string; id: string };
  outcome: AuditOutcome;
  payload?: Record<string, unknown>;
};

/** The actor for work the system does by itself (the worker, schedules). */
export const SYSTEM_ACTOR: AuditActor = { id: 'system', name: 'Lifeboat', roles: [] };
