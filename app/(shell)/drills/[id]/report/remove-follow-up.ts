'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { removeFollowUpDefinition } from './remove-follow-up-definition';

/** Architect: remove a follow-up from a drill (audited as drill.follow-up-removed). */
export const removeFollowUp = secureAction({ ...removeFollowUpDefinition(), revalidate: ['/drills'] });
