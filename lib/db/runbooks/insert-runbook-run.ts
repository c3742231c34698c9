import type { ChangePlan } from '@/lib/domain/change-plan';
import type { DbTx, Prisma } from '../client';

/** `leaseMs`: leased to nobody yet for that long, so only the inserting worker's claim picks it up. */
export type NewRunbookRun = { requestId: string | null; plan: ChangePlan; planDigest: string; dryRun: boolean; leaseMs?: number };

/**
 * A run and one pending row per plan step inside the caller's transaction, so a server action or
 * the execution start can check, create and audit in one commit.
 */
export async function insertRunbookRun(tx: DbTx, run: NewRunbookRun): Promise<string> {
  const row = await tx.runbookRun.create({
    data: { requestId: run.requestId, kind: run.plan.kind, planDigest: run.planDigest, plan: run.plan as unknown as Prisma.InputJsonObject, state: 'running', dryRun: run.dryRun },
    select: { id: true },
  });
  await tx.runbookStep.createMany({
    data: run.plan.steps.map((step) => ({ runId: row.id, stepId: step.id, action: step.action, state: 'pending', idempotencyKey: `${row.id}:${step.id}`, optional: step.optional })),
  });
  if (run.leaseMs !== undefined) {
    // Database time, as claimRunbookLease uses: claimable by any executor (none is named), ignored by the dispatcher.
    await tx.$executeRaw`UPDATE "RunbookRun" SET "leaseExpiresAt" = now() + make_interval(secs => ${run.leaseMs / 1000}::double precision) WHERE "id" = ${row.id}::uuid`;
  }
  return row.id;
}
