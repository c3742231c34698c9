import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import type { ChangeKind } from '@/lib/domain/change-plan';
import type { ApprovalActor } from '../approval-actor';
import { decideOnChangeRequest } from '../decide-on-change-request';
import { submitTestRequest } from './submit-test-request';

const approver = (n: number): ApprovalActor => ({ userId: `approver${n}`, name: `Approver ${n}`, roles: ['Approver'], authTime: Math.floor(Date.now() / 1000) });

/** A request submitted by Olivia Operator and approved by two approvers, now; tests only. */
export async function approveTestRequest(db: Db, config: LifeboatConfig, kind: ChangeKind, reason = `test ${kind}`): Promise<{ id: string; planDigest: string }> {
  const request = await submitTestRequest(db, config, { reason, at: new Date(), kind });
  for (const n of [1, 2]) {
    await db.$transaction((tx) => decideOnChangeRequest(tx, config, approver(n), { id: request.id, decision: 'approve', comment: 'looks right', digestSeen: request.planDigest }));
  }
  return request;
}
