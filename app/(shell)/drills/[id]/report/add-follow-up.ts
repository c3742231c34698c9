'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { addFollowUpDefinition } from './add-follow-up-definition';

/** Architect: add a follow-up action to a drill (audited as drill.follow-up-added). */
export const addFollowUp = secureAction({ ...addFollowUpDefinition(), revalidate: ['/drills'] });
