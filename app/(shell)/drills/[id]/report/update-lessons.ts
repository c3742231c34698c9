'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { updateLessonsDefinition } from './update-lessons-definition';

/** Architect: save the drill's lessons learned (audited as drill.lessons-updated). */
export const updateLessons = secureAction({ ...updateLessonsDefinition(), revalidate: ['/drills'] });
