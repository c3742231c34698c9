'use server';

import { secureAction } from '@/lib/actions/secure-action';
import { runReplicationJobDefinition } from './run-replication-job-definition';

/** Operator/Admin: run a replication job now instead of waiting for its schedule (audited). */
export const runReplicationJob = secureAction({ ...runReplicationJobDefinition(), revalidate: ['/replication'] });
