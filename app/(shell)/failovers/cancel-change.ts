'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { cancelChangeDefinition } from './cancel-change-definition';

/** Requester: withdraw a request that has not started (audited as change.cancel). */
export const cancelChange = secureAction({ ...cancelChangeDefinition(), revalidate: ['/failovers', '/approvals'] });
