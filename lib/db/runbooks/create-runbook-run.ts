import type { ChangePlan } from '@/lib/domain/change-plan';
import type { Db, Prisma } from '../client';

export type NewRunbookRun = { requestId: string | null; plan: ChangePlan; planDigest: string; dryRun: boolean };

/** Stores a run and one pending row per plan step in one transaction, so a run never lacks its steps. */
export async function createRunbookRun(db: Db, run: NewRunbookRun): Promise<string> {
  return db.$transaction(async (tx) => {
    const row = await tx.runbookRun.create({
      data: {
        requestId: run.requestId,
        kind: run.plan.kind,
        planDigest: run.planDigest,
        plan: run.plan as unknown as Prisma.InputJsonObject,
        state: 'running',
        dryRun: run.dryRun,
      },
      select: { id: true },
    });
    await tx.runbookStep.createMany({
      data: run.plan.steps.map((step) => ({
        runId: row.id,
        stepId: step.id,
        action: step.action,
        state: 'pending',
        idempotencyKey: `${row.id}:${step.id}`,
        optional: step.optional,
      })),
    });
    return row.id;
  });
}
