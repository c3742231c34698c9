import { randomUUID } from 'node:crypto';
import { insertChangeRequest } from '@/lib/db/approvals/insert-change-request';
import type { Db, Prisma } from '@/lib/db/client';
import { insertRunbookRun } from '@/lib/db/runbooks/insert-runbook-run';
import type { ChangePlan } from '@/lib/domain/change-plan';
import type { FollowUp } from '@/lib/domain/follow-up';

// Tests only: a drill, its participants, its approved drill request and a real run measured as the worker measures it, inserted directly.

const DIGEST = 'd'.repeat(64);
const step = (id: string, action: ChangePlan['steps'][number]['action'], dependsOn: string[]) => ({ id, action, title: `Step ${id}`, target: `target-${id}`, params: {}, dependsOn, optional: false, estimateMinutes: 5 });
export const TEST_DRILL_PLAN: ChangePlan = {
  kind: 'drill',
  fromRegion: 'canadacentral',
  toRegion: 'canadaeast',
  steps: [step('failover/check', 'check-health', []), step('failover/switch', 'switch-route', ['failover/check']), step('failover/validate', 'validate-serving', ['failover/switch'])],
};

export type TestDrillRun = {
  /** Default succeeded; a running run leaves every step pending and the request executing. */
  state?: 'succeeded' | 'failed' | 'running';
  /** Default: when the run row was inserted. */
  startedAt?: Date;
  /** When the secondary served; default 10 s before startedAt + RTO. Measured only with rtoSeconds. */
  servingAt?: Date;
  rtoSeconds?: number | null;
  rpoSeconds?: number | null;
  /** The smoke tests' (validate-serving steps') outcome; default failed when the run failed. */
  smoke?: 'succeeded' | 'failed';
};

export type TestDrillOptions = {
  title?: string;
  scheduledFor?: Date;
  /** Default: ran once the run finished, requested while it runs, scheduled without a run. */
  state?: 'scheduled' | 'requested' | 'ran' | 'cancelled';
  /** Without it the drill has no request and no run (scheduled, not run yet). */
  run?: TestDrillRun | null;
  /** Default: Omar Operator and Ada Architect, both confirmed. */
  participants?: { userId?: string; userName: string; role?: string; confirmedAt: Date | null }[];
  lessonsLearned?: string;
  followUps?: FollowUp[];
};

export type TestDrill = { drillId: string; requestId: string | null; runId: string | null };

const DEFAULT_PARTICIPANTS = [
  { userId: 'operator', userName: 'Omar Operator', role: 'Operator' },
  { userId: 'architect', userName: 'Ada Architect', role: 'Architect' },
].map((p) => ({ ...p, confirmedAt: new Date() }));

async function approvedDrillRequest(db: Db, title: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const id = await insertChangeRequest(tx, {
      kind: 'drill',
      reason: title,
      state: 'pending',
      plan: TEST_DRILL_PLAN,
      planDigest: DIGEST,
      preflight: { at: new Date().toISOString(), findings: [], expectedDataLossSeconds: 120, readiness: 'READY', servingRegion: 'canadacentral', openAlerts: [] },
      requestedBy: { id: 'operator', name: 'Omar Operator' },
      expiresAt: new Date(Date.now() + 3_600_000),
      approversRequired: 2,
    });
    for (const n of [1, 2]) {
      await tx.approvalDecision.create({
        data: { requestId: id, approverId: `approver${n}`, approverName: `Approver ${n}`, approverRoles: ['Approver'], decision: 'approve', comment: 'checked the plan', planDigest: DIGEST, authTime: new Date(), expiresAt: new Date(Date.now() + 1_800_000) },
      });
    }
    await tx.changeRequest.update({ where: { id }, data: { state: 'approved' } });
    await tx.changeRequest.update({ where: { id }, data: { state: 'executing' } });
    return id;
  });
}

/** Runs every step (the smoke tests as `smoke` says), finishes the run and its request, then records its measurements once, as the worker does. */
async function executedRun(db: Db, requestId: string, run: TestDrillRun): Promise<string> {
  const runId = await db.$transaction((tx) => insertRunbookRun(tx, { requestId, plan: TEST_DRILL_PLAN, planDigest: DIGEST, dryRun: false }));
  if (run.startedAt) await db.runbookRun.update({ where: { id: runId }, data: { startedAt: run.startedAt } });
  if (run.state === 'running') return runId;
  const { startedAt } = await db.runbookRun.findUniqueOrThrow({ where: { id: runId }, select: { startedAt: true } });
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  const failed = run.state === 'failed';
  const smoke = run.smoke ?? (failed ? 'failed' : 'succeeded');
  for (const [index, planStep] of TEST_DRILL_PLAN.steps.entries()) {
    const data: Prisma.RunbookStepUpdateManyMutationInput = { state: 'succeeded', attempt: index + 1, startedAt: at(index * 60), finishedAt: at(index * 60 + 45) };
    if (planStep.action === 'validate-serving' && smoke === 'failed') Object.assign(data, { state: 'failed', error: 'GET /health answered 503' });
    else if (planStep.action === 'validate-serving') data.output = { healthRegion: 'canadaeast', queryTopHit: 'marker', authUser: 'lifeboat-smoke' };
    await db.runbookStep.updateMany({ where: { runId, stepId: planStep.id }, data });
  }
  const end = at(TEST_DRILL_PLAN.steps.length * 60);
  await db.runbookRun.update({ where: { id: runId }, data: { state: run.state ?? 'succeeded', finishedAt: end, error: failed ? 'validate failed' : null } });
  if (typeof run.rtoSeconds === 'number') {
    const servingAt = run.servingAt ?? at(run.rtoSeconds - 10);
    const declaredAt = new Date(servingAt.getTime() - run.rtoSeconds * 1000);
    const failureAt = new Date(declaredAt.getTime() - 10_000);
    const rpoSeconds = run.rpoSeconds ?? null;
    const dataAsOf = rpoSeconds === null ? null : new Date(failureAt.getTime() - rpoSeconds * 1000);
    await db.runbookRun.update({ where: { id: runId }, data: { declaredAt, failureAt, servingAt, dataAsOf, rtoSeconds: run.rtoSeconds, rpoSeconds } });
  }
  await db.changeRequest.update({ where: { id: requestId }, data: { state: failed ? 'failed' : 'done', finishedAt: end } });
  return runId;
}

/** A drill as the readers see it; with `run`, its drill request approved by two approvers and its real run. */
export async function insertTestDrill(db: Db, options: TestDrillOptions = {}): Promise<TestDrill> {
  const title = options.title ?? 'Quarterly DR drill';
  const run = options.run ?? null;
  const requestId = run ? await approvedDrillRequest(db, title) : null;
  const runId = requestId && run ? await executedRun(db, requestId, run) : null;
  const participants = options.participants ?? DEFAULT_PARTICIPANTS;
  const drill = await db.drill.create({
    data: {
      title,
      scheduledFor: options.scheduledFor ?? new Date(),
      environment: 'lab',
      state: options.state ?? (!run ? 'scheduled' : run.state === 'running' ? 'requested' : 'ran'),
      createdById: 'architect',
      createdByName: 'Ada Architect',
      requestId,
      lessonsLearned: options.lessonsLearned ?? '',
      followUps: (options.followUps ?? []) as unknown as Prisma.InputJsonArray,
      participants: {
        create: participants.map((p) => ({ userId: p.userId ?? `${p.userName}-${randomUUID().slice(0, 8)}`, userName: p.userName, role: p.role ?? 'Operator', confirmedAt: p.confirmedAt })),
      },
    },
    select: { id: true },
  });
  return { drillId: drill.id, requestId, runId };
}
