import type { DbTx } from '../client';

export type NewDecision = {
  requestId: string;
  approver: { id: string; name: string; roles: readonly string[] };
  decision: 'approve' | 'deny';
  comment: string;
  planDigest: string;
  authTime: Date;
  /** The same clock as the notifications written with it, so a message can tell which decisions came before it. */
  decidedAt: Date;
  expiresAt: Date;
  breakGlass: boolean;
};

/** One approver's decision; the unique (request, approver) index and the trigger refuse what the rules refuse. */
export async function insertDecision(tx: DbTx, decision: NewDecision): Promise<void> {
  await tx.approvalDecision.create({
    data: {
      requestId: decision.requestId,
      approverId: decision.approver.id,
      approverName: decision.approver.name,
      approverRoles: [...decision.approver.roles],
      decision: decision.decision,
      comment: decision.comment,
      planDigest: decision.planDigest,
      authTime: decision.authTime,
      decidedAt: decision.decidedAt,
      expiresAt: decision.expiresAt,
      breakGlass: decision.breakGlass,
    },
  });
}
