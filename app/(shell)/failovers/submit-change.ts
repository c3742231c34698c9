'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { submitChangeDefinition } from './submit-change-definition';

/** Requester: draft → pending, approvers notified (audited as change.submit). */
export const submitChange = secureAction({ ...submitChangeDefinition(), revalidate: ['/failovers', '/approvals'] });
