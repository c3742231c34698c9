import type { Db } from '@/lib/db/client';
import { listReplicationRuns } from '@/lib/db/replication/list-replication-runs';
import type { ReplicationJob, ReplicationRun } from '@/lib/db/replication/replication-run';
import type { StepContext } from '../step-handler';
import type { RegionRole } from './step-params';

/** The replication run's requestedBy for a runbook step: the Replication page shows which run and step started it. */
export function requestedByStep(ctx: Pick<StepContext, 'idempotencyKey'>): string {
  return `runbook:${ctx.idempotencyKey}`;
}

/** The newest succeeded replication run this runbook step started, if any: what check() trusts on resume. */
export async function succeededRunOfStep(db: Db, job: ReplicationJob, target: string, region: RegionRole, ctx: Pick<StepContext, 'idempotencyKey'>): Promise<ReplicationRun | null> {
  const requestedBy = requestedByStep(ctx);
  const runs = await listReplicationRuns(db, { job, target, limit: 200 });
  return runs.find((run) => run.requestedBy === requestedBy && run.region === region && run.state === 'succeeded') ?? null;
}
