'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { scheduleDrillDefinition } from './schedule-drill-definition';

/** Operator or Architect: a drill on the calendar (audited as drill.schedule). */
export const scheduleDrill = secureAction({ ...scheduleDrillDefinition(), revalidate: ['/drills'] });
