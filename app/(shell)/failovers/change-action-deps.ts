import { readPreflight } from '@/lib/approvals/read-preflight';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Role } from '@/lib/domain/roles';

/** What the change-request actions (drills' too) read from the world; tests pass their own config, clock and pre-flight. */
export type ChangeActionDeps = { config: () => LifeboatConfig; now: () => Date; readPreflight: typeof readPreflight };

export const LIVE_DEPS: ChangeActionDeps = { config: getConfig, now: () => new Date(), readPreflight };

/** Who may ask for, submit, rebuild and cancel a change (Admin may do everything anyway). */
export const REQUEST_ROLES = ['Operator'] as const satisfies readonly Role[];
/** Who may dry-run a plan or abort a run: one person suffices, since neither changes the protected app. */
export const RUN_ROLES = ['Operator'] as const satisfies readonly Role[];
/** Who may decide: refuseDecision also insists on the Approver role itself, so an Admin decides only through break-glass. */
export const DECIDE_ROLES = ['Approver'] as const satisfies readonly Role[];
