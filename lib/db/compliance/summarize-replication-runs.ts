import type { Db } from '../client';

export type ReplicationRunCounts = { job: string; state: string; runs: number };

/** How many replication runs of each job ended in each state, among those started in [from, to). */
export async function summarizeReplicationRuns(db: Db, period: { from: Date; to: Date }): Promise<ReplicationRunCounts[]> {
  const groups = await db.replicationRun.groupBy({
    by: ['job', 'state'],
    where: { startedAt: { gte: period.from, lt: period.to } },
    _count: { _all: true },
    orderBy: [{ job: 'asc' }, { state: 'asc' }],
  });
  return groups.map((group) => ({ job: group.job, state: group.state, runs: group._count._all }));
}
