'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { cancelDrillDefinition } from './cancel-drill-definition';

/** Operator or Architect: cancels a drill not yet requested (audited as drill.cancel). */
export const cancelDrill = secureAction({ ...cancelDrillDefinition(), revalidate: ['/drills'] });
