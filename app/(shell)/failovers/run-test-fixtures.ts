import type { ActionResult } from '@/lib/actions/action-result';
import { runSecureAction, type Actor } from '@/lib/actions/run-secure-action';
import { startExecution } from '@/lib/approvals/start-execution';
import { submitTestRequest } from '@/lib/approvals/testing/submit-test-request';
import { getConfig } from '@/lib/config/get-config';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { transitionChangeRequest } from '@/lib/db/approvals/transition-change-request';
import type { Db } from '@/lib/db/client';
import { claimRunbookLease } from '@/lib/db/runbooks/claim-runbook-lease';
import { closeRunbookRun } from '@/lib/db/runbooks/close-runbook-run';
import { createRunbookRun } from '@/lib/db/runbooks/create-runbook-run';
import type { Role } from '@/lib/domain/roles';
import { LIVE_DEPS } from './change-action-deps';
import { decideDefinition } from './decide-definition';

// Tests only: requests brought to a given state through the real verbs, and runs ended as the engine ends them.

const person = (userId: string, name: string, roles: Role[]): Actor => ({ userId, name, roles, authTime: Math.floor(Date.now() / 1000) });
export const operator = person('operator', 'Omar Operator', ['Operator']);
export const viewer = person('viewer', 'Vera Viewer', ['Viewer']);
export const approver = (n: number) => person(`approver${n}`, `Approver ${n}`, ['Approver']);

export function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error}: ${result.message}`);
  return result.data;
}

export const pendingRequest = (db: Db) => submitTestRequest(db, getConfig(), { reason: 'rehearse the failover before the change window', at: new Date() });

/** A pending request approved by two approvers (the lab policy's quorum). */
export async function approvedRequest(db: Db): Promise<{ id: string; planDigest: string }> {
  const request = await pendingRequest(db);
  for (const n of [1, 2]) ok(await runSecureAction(decideDefinition('approve', LIVE_DEPS), approver(n), { id: request.id, digest: request.planDigest, comment: 'checked the plan' }, db));
  return request;
}

/** An approved request that started executing, with its real run; `done` also closes the request. */
export async function executedRequest(db: Db, options: { done: boolean }): Promise<{ id: string; runId: string }> {
  const request = await approvedRequest(db);
  const system = { id: 'system', name: 'Lifeboat' };
  await db.$transaction((tx) => startExecution(tx, request.id, system));
  const { plan, planDigest } = (await readChangeRequest(db, request.id))!;
  const runId = await createRunbookRun(db, { requestId: request.id, plan, planDigest, dryRun: false });
  if (options.done) await db.$transaction((tx) => transitionChangeRequest(tx, { id: request.id, from: 'executing', to: 'done', actor: system }));
  return { id: request.id, runId };
}

/** Ends a running run the way the engine does: take its lease, then close it. */
export async function finishRun(db: Db, runId: string, state: 'succeeded' | 'failed' = 'succeeded'): Promise<void> {
  if (!(await claimRunbookLease(db, runId, 'test-worker', 60_000))) throw new Error(`run ${runId} is not running`);
  await closeRunbookRun(db, { id: runId, executorId: 'test-worker', settle: 'skipped', orphans: [] }, () => ({ state, error: null }), new Date());
}
