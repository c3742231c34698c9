import type { ChangePlan } from '@/lib/domain/change-plan';
import type { DbTx, Prisma } from '../client';
import type { Preflight } from './change-request-record';

/** A rebuilt plan for a draft or pending request; a different digest voids its approvals (trigger). */
export async function replacePlan(tx: DbTx, id: string, plan: ChangePlan, planDigest: string, preflight: Preflight): Promise<boolean> {
  const { count } = await tx.changeRequest.updateMany({
    where: { id, state: { in: ['draft', 'pending'] } },
    data: { plan: plan as unknown as Prisma.InputJsonObject, planDigest, preflight: preflight as unknown as Prisma.InputJsonObject },
  });
  return count === 1;
}
