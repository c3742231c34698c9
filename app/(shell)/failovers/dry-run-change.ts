'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { dryRunChangeDefinition } from './dry-run-change-definition';

/** Operator: dry-run a pending or approved request's plan (audited as runbook.dry-run). */
export const dryRunChange = secureAction({ ...dryRunChangeDefinition(), revalidate: ['/failovers'] });
