'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { createChangeDefinition } from './create-change-definition';

/** Operator: a draft failover, failback or drill request (audited as change.create). */
export const createChange = secureAction({ ...createChangeDefinition(), revalidate: ['/failovers'] });
