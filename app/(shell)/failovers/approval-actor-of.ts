import type { Actor } from '@/lib/actions/run-secure-action';
import type { ApprovalActor } from '@/lib/approvals/approval-actor';

/** The session as lib/approvals sees it; a session without auth_time counts as signed in long ago. */
export function approvalActorOf(actor: Actor): ApprovalActor {
  return { userId: actor.userId, name: actor.name, roles: actor.roles, authTime: actor.authTime ?? 0 };
}
