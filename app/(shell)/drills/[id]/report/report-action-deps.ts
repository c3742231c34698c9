import { randomUUID } from 'node:crypto';
import type { Role } from '@/lib/domain/roles';

/** Who may write lessons learned and follow-ups: Architects (and Admins, who may do everything). */
export const REPORT_EDIT_ROLES: readonly Role[] = ['Architect'];

/** The clock and id source of the report's actions; tests pass their own. */
export type ReportActionDeps = { now: () => Date; newId: () => string };
export const LIVE_DEPS: ReportActionDeps = { now: () => new Date(), newId: () => randomUUID() };
