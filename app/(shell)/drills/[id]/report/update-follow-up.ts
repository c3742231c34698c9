'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { updateFollowUpDefinition } from './update-follow-up-definition';

/** Architect: edit a drill's follow-up or mark it done (audited as drill.follow-up-updated). */
export const updateFollowUp = secureAction({ ...updateFollowUpDefinition(), revalidate: ['/drills'] });
