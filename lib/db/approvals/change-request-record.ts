import type { ChangeState, DecisionFacts } from '@/lib/domain/approval-rules';
import type { ChangeKind, ChangePlan } from '@/lib/domain/change-plan';
import type { Prisma } from '../client';

export type PreflightFinding = { severity: 'blocker' | 'warning' | 'info'; text: string };
/** What was true when the plan was built: not part of the digest, since it changes by the minute. */
export type Preflight = { at: string; findings: PreflightFinding[]; expectedDataLossSeconds: number | null; readiness: string; servingRegion: string | null; openAlerts: string[] };

export type DecisionRecord = DecisionFacts & { id: string; approverRoles: string[]; comment: string; decidedAt: Date; authTime: Date; breakGlass: boolean };
export type TransitionRecord = { fromState: string | null; toState: string; actorId: string; actorName: string; at: Date; comment: string | null };

export type ChangeRequestRecord = {
  id: string;
  kind: ChangeKind;
  reason: string;
  state: ChangeState;
  plan: ChangePlan;
  planDigest: string;
  preflight: Preflight;
  requestedById: string;
  requestedByName: string;
  requestedAt: Date;
  expiresAt: Date;
  approversRequired: number;
  breakGlass: boolean;
  justification: string | null;
  needsReview: boolean;
  executionStartedAt: Date | null;
  finishedAt: Date | null;
  decisions: DecisionRecord[];
  transitions: TransitionRecord[];
};

export const WITH_HISTORY = { decisions: { orderBy: { decidedAt: 'asc' } }, transitions: { orderBy: { id: 'asc' } } } satisfies Prisma.ChangeRequestInclude;
type Row = Prisma.ChangeRequestGetPayload<{ include: typeof WITH_HISTORY }>;

/** JSON columns back to their types: they are written only by lib/approvals from these same types. */
export function toChangeRequestRecord(row: Row): ChangeRequestRecord {
  return {
    ...row,
    kind: row.kind as ChangeKind,
    state: row.state as ChangeState,
    plan: row.plan as unknown as ChangePlan,
    preflight: row.preflight as unknown as Preflight,
    decisions: row.decisions.map((d) => ({ ...d, id: d.id.toString(), decision: d.decision === 'deny' ? 'deny' : 'approve' })),
    transitions: row.transitions.map((t) => ({ fromState: t.fromState, toState: t.toState, actorId: t.actorId, actorName: t.actorName, at: t.at, comment: t.comment })),
  };
}
