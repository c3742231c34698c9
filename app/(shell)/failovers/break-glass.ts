'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { breakGlassDefinition } from './break-glass-definition';

/** Admin, when the policy allows: approve alone, paging SEV-1 (audited as change.break-glass). */
export const breakGlass = secureAction({ ...breakGlassDefinition(), revalidate: ['/failovers', '/approvals'] });
