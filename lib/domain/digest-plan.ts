import { createHash } from 'node:crypto';
import { canonicalJson } from './audit-chain';
import type { ChangePlan } from './change-plan';

/** sha256 of the plan's canonical JSON: what an approval binds to. */
export function digestPlan(plan: ChangePlan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}
