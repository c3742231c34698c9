'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { confirmParticipationDefinition } from './confirm-participation-definition';

/** A participant: "I followed the runbook" (audited as drill.confirm). */
export const confirmParticipation = secureAction({ ...confirmParticipationDefinition(), revalidate: ['/drills'] });
