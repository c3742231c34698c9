'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { rebuildPlanDefinition } from './rebuild-plan-definition';

/** Requester: rebuild the plan from the current configuration (audited as change.rebuild-plan). */
export const rebuildPlan = secureAction({ ...rebuildPlanDefinition(), revalidate: ['/failovers', '/approvals'] });
