import type { ChangePlan, PlanStep } from '@/lib/domain/change-plan';
import type { Db } from '../../client';
import { createRunbookRun } from '../../runbooks/create-runbook-run';

// Tests only: failover, failback (and dry) runs with their change requests written straight to the tables,
// so tests of the metrics do not depend on the workflow's verbs. Drills: lib/db/drills/testing/insert-test-drill.ts.

const validate = (id: string): PlanStep => ({ id, action: 'validate-serving', title: `Validate ${id}`, target: 'frontdoor/rag', params: {}, dependsOn: [], optional: false, estimateMinutes: 1 });

/** A two-step plan (the smoke tests after the failover and after the failback). */
function testPlan(kind: ChangePlan['kind']): ChangePlan {
  return { kind, fromRegion: 'canadacentral', toRegion: 'canadaeast', steps: [validate('failover/validate'), validate('failback/validate')] };
}

async function insertRequest(db: Db, kind: ChangePlan['kind'], at: Date): Promise<string> {
  const request = await db.changeRequest.create({
    data: {
      kind,
      reason: `test ${kind}`,
      state: 'pending',
      plan: testPlan(kind),
      planDigest: 'd'.repeat(64),
      preflight: {},
      requestedById: 'operator',
      requestedByName: 'Omar Operator',
      requestedAt: at,
      expiresAt: new Date(at.getTime() + 3_600_000),
      approversRequired: 2,
    },
    select: { id: true },
  });
  return request.id;
}

export type TestRun = {
  state: 'succeeded' | 'failed' | 'aborted' | 'running';
  startedAt: Date;
  /** When the secondary served; with rtoSeconds, declaredAt is servingAt − RTO. */
  servingAt?: Date;
  rtoSeconds?: number | null;
  rpoSeconds?: number | null;
  /** The validate-serving steps' outcome. */
  smoke?: 'succeeded' | 'failed';
  dryRun?: boolean;
};

/** A real (or dry) run of a request, finished as the engine finishes it, then measured once. */
export async function insertTestRun(db: Db, kind: ChangePlan['kind'], run: TestRun, requestId?: string): Promise<{ requestId: string; runId: string }> {
  const request = requestId ?? (await insertRequest(db, kind, run.startedAt));
  const runId = await createRunbookRun(db, { requestId: request, plan: testPlan(kind), planDigest: 'd'.repeat(64), dryRun: run.dryRun ?? false });
  await db.runbookRun.update({ where: { id: runId }, data: { startedAt: run.startedAt } });
  if (run.smoke) {
    await db.runbookStep.updateMany({ where: { runId }, data: { state: run.smoke, startedAt: run.startedAt, finishedAt: run.servingAt ?? run.startedAt, output: { healthRegion: 'canadaeast', queryTopHit: 'marker', authUser: 'smoke' }, error: run.smoke === 'failed' ? 'GET /health answered 503' : null } });
  }
  if (run.state === 'running') return { requestId: request, runId };
  const finishedAt = new Date((run.servingAt ?? run.startedAt).getTime() + 60_000);
  await db.runbookRun.update({ where: { id: runId }, data: { state: run.state, finishedAt, error: run.state === 'succeeded' ? null : 'validation failed' } });
  if (run.servingAt && (run.rtoSeconds ?? null) !== null) {
    const rto = run.rtoSeconds ?? 0;
    await db.runbookRun.update({ where: { id: runId }, data: { declaredAt: new Date(run.servingAt.getTime() - rto * 1000), servingAt: run.servingAt, rtoSeconds: rto, rpoSeconds: run.rpoSeconds ?? null } });
  }
  return { requestId: request, runId };
}
