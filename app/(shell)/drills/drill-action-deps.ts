import type { Role } from '@/lib/domain/roles';

// A drill request is a change request: the drill actions read the world as the change actions do.
export { LIVE_DEPS as LIVE_DRILL_DEPS, type ChangeActionDeps as DrillActionDeps } from '../failovers/change-action-deps';

/** Who may schedule and cancel a drill (Admin may do everything anyway). */
export const SCHEDULE_ROLES = ['Operator', 'Architect'] as const satisfies readonly Role[];
/** Requesting the run is a change request: the Operator's, as for failover and failback. */
export const REQUEST_RUN_ROLES = ['Operator'] as const satisfies readonly Role[];
/** Any participant confirms, whatever their role; lib/drills checks they are one. */
export const CONFIRM_ROLES = ['Viewer', 'Operator', 'Approver', 'Architect'] as const satisfies readonly Role[];
