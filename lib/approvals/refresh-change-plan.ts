import type { LifeboatConfig } from '@/lib/config/schema';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { replacePlan } from '@/lib/db/approvals/replace-plan';
import type { DbTx } from '@/lib/db/client';
import { buildChangePlan } from '@/lib/domain/build-change-plan';
import { digestPlan } from '@/lib/domain/digest-plan';
import { drillEnvironmentOf } from '@/lib/domain/drill-steps';
import { ExpectedFailure } from '@/lib/domain/errors';
import type { ApprovalActor } from './approval-actor';
import { planTopology } from './plan-topology';

/**
 * Rebuilds the plan of a draft or pending request from the current configuration, with fresh
 * pre-flight findings. A different digest voids every approval given so far (database trigger).
 */
export async function refreshChangePlan(tx: DbTx, config: LifeboatConfig, actor: ApprovalActor, id: string, preflight: Preflight): Promise<{ planDigest: string; changed: boolean }> {
  const request = await readChangeRequest(tx, id, { lock: true });
  if (!request) throw new ExpectedFailure(`No change request ${id}.`, 'not-found');
  if (request.requestedById !== actor.userId) throw new ExpectedFailure('Only the requester can rebuild the plan.', 'not-requester');
  // A drill keeps the environment its failure is simulated in.
  const environment = drillEnvironmentOf(request.plan);
  const plan = buildChangePlan(request.kind, planTopology(config), environment ? { environment } : {});
  const planDigest = digestPlan(plan);
  if (!(await replacePlan(tx, id, plan, planDigest, preflight))) throw new ExpectedFailure(`The request is ${request.state}; its plan can no longer change.`, 'not-pending');
  return { planDigest, changed: planDigest !== request.planDigest };
}
