import type { Db } from '../client';
import { toReplicationRun, type ReplicationJob, type ReplicationRun } from './replication-run';

export type ReplicationRunFilter = { job?: ReplicationJob; target?: string; limit?: number };

/** Newest first: the job history the Replication page shows. */
export async function listReplicationRuns(db: Db, filter: ReplicationRunFilter = {}): Promise<ReplicationRun[]> {
  const rows = await db.replicationRun.findMany({
    where: { job: filter.job, target: filter.target },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: filter.limit ?? 50,
  });
  return rows.map(toReplicationRun);
}
