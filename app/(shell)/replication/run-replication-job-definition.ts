import { z } from 'zod';
import type { SecureActionDefinition } from '@/lib/actions/run-secure-action';
import type { Role } from '@/lib/domain/roles';
import { MANUAL_REPLICATION_JOBS, requestReplicationRun } from '@/lib/jobs/request-replication-run';

/** Who may run a replication job now (Admin may do everything anyway). */
export const RUN_JOB_ROLES = ['Operator', 'Admin'] as const satisfies readonly Role[];

export const RunReplicationJob = z.object({ job: z.enum(MANUAL_REPLICATION_JOBS) });
export type RunReplicationJob = z.infer<typeof RunReplicationJob>;

/**
 * Queue one run of a replication job for the leading worker, audited with who asked. The request
 * function is a parameter so tests can queue on their own database.
 */
export function runReplicationJobDefinition(request: typeof requestReplicationRun = requestReplicationRun): SecureActionDefinition<typeof RunReplicationJob, { requestId: string }> {
  return {
    action: 'replication.run-now',
    roles: RUN_JOB_ROLES,
    input: RunReplicationJob,
    target: (input) => ({ type: 'replication-job', id: input.job }),
    run: async ({ actor, input, tx }) => {
      const queued = await request(tx, input.job, actor.name || actor.userId);
      return {
        data: queued,
        message: `Queued a ${input.job} run; the leading worker starts it within seconds and it appears in the history below.`,
        payload: { requestId: queued.requestId },
      };
    },
  };
}
