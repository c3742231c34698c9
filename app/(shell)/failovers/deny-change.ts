'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { decideDefinition } from './decide-definition';

/** Approver: deny the request; one deny ends it (audited as change.deny). */
export const denyChange = secureAction({ ...decideDefinition('deny'), revalidate: ['/failovers', '/approvals'] });
