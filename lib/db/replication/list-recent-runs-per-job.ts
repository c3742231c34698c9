import type { Db } from '../client';
import { toReplicationRun, type ReplicationRun } from './replication-run';

/** The newest `perJob` runs of each job, newest first within each job: the Replication page's history. */
export async function listRecentRunsPerJob(db: Db, jobs: readonly string[], perJob = 50): Promise<ReplicationRun[]> {
  const perJobRows = await Promise.all(
    jobs.map((job) => db.replicationRun.findMany({ where: { job }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: perJob })),
  );
  return perJobRows.flat().map(toReplicationRun);
}
