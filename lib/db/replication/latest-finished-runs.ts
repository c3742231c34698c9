import type { LatestReplicationRun } from '@/lib/domain/measure-rpo';
import type { Db } from '../client';

/** Per job and target, the newest run that finished (succeeded or failed); running ones are not verdicts yet. */
export async function latestFinishedRuns(db: Db): Promise<LatestReplicationRun[]> {
  const rows = await db.replicationRun.findMany({
    where: { state: { in: ['succeeded', 'failed'] }, trigger: { not: 'test' } },
    orderBy: [{ job: 'asc' }, { target: 'asc' }, { startedAt: 'desc' }, { id: 'desc' }],
    distinct: ['job', 'target'],
    select: { job: true, target: true, state: true, finishedAt: true, startedAt: true, error: true },
  });
  return rows.map((row) => ({ job: row.job, target: row.target, state: row.state === 'failed' ? 'failed' : 'succeeded', finishedAt: row.finishedAt ?? row.startedAt, error: row.error }));
}
