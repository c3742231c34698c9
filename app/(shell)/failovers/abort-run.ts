'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { abortRunDefinition } from './abort-run-definition';

/** Operator: stop a running runbook run (audited as runbook.abort). */
export const abortRun = secureAction({ ...abortRunDefinition(), revalidate: ['/failovers'] });
