import type { ChangeState } from '@/lib/domain/approval-rules';
import type { ChangeKind, ChangePlan } from '@/lib/domain/change-plan';
import type { DbTx, Prisma } from '../client';
import type { Preflight } from './change-request-record';

export type NewChangeRequest = {
  kind: ChangeKind;
  reason: string;
  state: Extract<ChangeState, 'draft' | 'pending'>;
  plan: ChangePlan;
  planDigest: string;
  preflight: Preflight;
  requestedBy: { id: string; name: string };
  expiresAt: Date;
  approversRequired: number;
};

/** Stores a new request and its first transition (created → state). */
export async function insertChangeRequest(tx: DbTx, request: NewChangeRequest): Promise<string> {
  const row = await tx.changeRequest.create({
    data: {
      kind: request.kind,
      reason: request.reason,
      state: request.state,
      plan: request.plan as unknown as Prisma.InputJsonObject,
      planDigest: request.planDigest,
      preflight: request.preflight as unknown as Prisma.InputJsonObject,
      requestedById: request.requestedBy.id,
      requestedByName: request.requestedBy.name,
      expiresAt: request.expiresAt,
      approversRequired: request.approversRequired,
      transitions: { create: { fromState: null, toState: request.state, actorId: request.requestedBy.id, actorName: request.requestedBy.name, comment: request.reason } },
    },
    select: { id: true },
  });
  return row.id;
}
