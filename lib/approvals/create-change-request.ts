import type { LifeboatConfig } from '@/lib/config/schema';
import type { Preflight } from '@/lib/db/approvals/change-request-record';
import { insertChangeRequest } from '@/lib/db/approvals/insert-change-request';
import type { DbTx } from '@/lib/db/client';
import { buildChangePlan, type PlanOptions } from '@/lib/domain/build-change-plan';
import type { ChangeKind } from '@/lib/domain/change-plan';
import { digestPlan } from '@/lib/domain/digest-plan';
import type { ApprovalActor } from './approval-actor';
import { planTopology } from './plan-topology';

/** `planOptions.environment`: a drill's simulated failure (lib/drills asks for it; the failovers form does not). */
export type CreateChangeRequest = { kind: ChangeKind; reason: string; preflight: Preflight; now?: Date; planOptions?: PlanOptions };

/** A draft request: the plan built by the server from the configured topology, its digest, the pre-flight findings. */
export async function createChangeRequest(tx: DbTx, config: LifeboatConfig, actor: ApprovalActor, input: CreateChangeRequest): Promise<{ id: string; planDigest: string }> {
  const plan = buildChangePlan(input.kind, planTopology(config), input.planOptions);
  const planDigest = digestPlan(plan);
  const now = input.now ?? new Date();
  const policy = config.approvals;
  const id = await insertChangeRequest(tx, {
    kind: input.kind,
    reason: input.reason,
    state: 'draft',
    plan,
    planDigest,
    preflight: input.preflight,
    requestedBy: { id: actor.userId, name: actor.name },
    expiresAt: new Date(now.getTime() + policy.requestExpiryMinutes * 60_000),
    approversRequired: policy.approversRequired,
  });
  return { id, planDigest };
}
