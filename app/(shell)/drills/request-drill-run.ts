'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { requestDrillRunDefinition } from './request-drill-run-definition';

/** Operator: the drill's change request, submitted (audited as drill.request-run on the drill; change.create and change.submit on the request by lib/drills). */
export const requestDrillRun = secureAction({ ...requestDrillRunDefinition(), revalidate: ['/drills', '/failovers', '/approvals'] });
