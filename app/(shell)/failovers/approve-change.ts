'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { decideDefinition } from './decide-definition';

/** Approver: approve the plan with the digest shown (audited as change.approve). */
export const approveChange = secureAction({ ...decideDefinition('approve'), revalidate: ['/failovers', '/approvals'] });
