import type { Role } from './roles';

export const CHANGE_STATES = ['draft', 'pending', 'approved', 'executing', 'done', 'failed', 'denied', 'expired', 'cancelled'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export type ApprovalPolicy = {
  approversRequired: number;
  requestExpiryMinutes: number;
  approvalExpiryMinutes: number;
  reauthMaxAgeMinutes: number;
  breakGlass: { enabled: boolean; approversRequired: number };
};

export type RequestFacts = { state: ChangeState; requestedById: string; planDigest: string; expiresAt: Date; approversRequired: number };
export type DecisionFacts = { approverId: string; approverName: string; decision: 'approve' | 'deny'; planDigest: string; expiresAt: Date; voidedAt: Date | null };
export type Decider = { userId: string; roles: readonly Role[]; /** epoch seconds */ authTime: number };

export type Quorum = { valid: number; required: number; met: boolean; deniedBy: string | null; approvers: string[] };

export type Refusal = {
  code: 'wrong-role' | 'self-decision' | 'already-decided' | 'not-pending' | 'expired' | 'digest-mismatch' | 'reauth-required' | 'break-glass-disabled';
  message: string;
};

/** Approvals that count now: approve, not voided, for this digest, unexpired, not by the requester; each person once. */
export function countQuorum(request: RequestFacts, decisions: readonly DecisionFacts[], now: Date): Quorum {
  const live = decisions.filter((d) => d.voidedAt === null);
  const approvers = [
    ...new Set(live.filter((d) => d.decision === 'approve' && d.planDigest === request.planDigest && d.expiresAt > now && d.approverId !== request.requestedById).map((d) => d.approverId)),
  ];
  const deniedBy = live.find((d) => d.decision === 'deny')?.approverName ?? null;
  return { valid: approvers.length, required: request.approversRequired, met: deniedBy === null && approvers.length >= request.approversRequired, deniedBy, approvers };
}

/** Why `decider` may not decide on this request now (null: they may). Break-glass is an Admin's, alone. */
export function refuseDecision(input: {
  request: RequestFacts;
  decisions: readonly DecisionFacts[];
  decider: Decider;
  digestSeen: string;
  now: Date;
  policy: ApprovalPolicy;
  breakGlass?: boolean;
}): Refusal | null {
  const { request, decider, now, policy } = input;
  if (input.breakGlass) {
    if (!policy.breakGlass.enabled) return { code: 'break-glass-disabled', message: 'Break-glass is turned off in the approval policy.' };
    if (!decider.roles.includes('Admin')) return { code: 'wrong-role', message: 'Only an Admin may use break-glass.' };
  } else if (!decider.roles.includes('Approver')) {
    return { code: 'wrong-role', message: 'Deciding on a request needs the Approver role.' };
  }
  if (decider.userId === request.requestedById) return { code: 'self-decision', message: 'You asked for this change: someone else must decide on it.' };
  // A decision voided by a plan change does not count: its approver reviews the new plan afresh.
  if (input.decisions.some((d) => d.approverId === decider.userId && d.voidedAt === null)) return { code: 'already-decided', message: 'You have already decided on this request; each approver counts once.' };
  if (request.state !== 'pending') return { code: 'not-pending', message: `The request is ${request.state}: there is nothing left to decide.` };
  if (request.expiresAt <= now) return { code: 'expired', message: 'The request has expired; ask for a new one.' };
  if (input.digestSeen !== request.planDigest) return { code: 'digest-mismatch', message: 'The plan changed since you opened it: review the new plan before deciding.' };
  const ageSeconds = now.getTime() / 1000 - decider.authTime;
  if (ageSeconds > policy.reauthMaxAgeMinutes * 60) {
    return { code: 'reauth-required', message: `Your sign-in is ${Math.floor(ageSeconds / 60)} minutes old; sign in again (within ${policy.reauthMaxAgeMinutes} minutes) to decide.` };
  }
  return null;
}

/** Who may cancel: the requester, while nothing has started. */
export function refuseCancel(request: RequestFacts, userId: string): string | null {
  if (userId !== request.requestedById) return 'Only the requester can cancel a request.';
  if (!['draft', 'pending', 'approved'].includes(request.state)) return `The request is ${request.state}; it can no longer be cancelled.`;
  return null;
}

/** The state a pending request reaches after a decision, given the decisions then. */
export function stateAfterDecision(request: RequestFacts, decisions: readonly DecisionFacts[], now: Date): ChangeState {
  const quorum = countQuorum(request, decisions, now);
  if (quorum.deniedBy !== null) return 'denied';
  return quorum.met ? 'approved' : 'pending';
}
