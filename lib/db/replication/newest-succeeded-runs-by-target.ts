import type { Db } from '../client';
import { toReplicationRun, type ReplicationRun } from './replication-run';

/** Per target (a collection, or `redis`), the newest finished successful run of `job`: what each side holds now. */
export async function newestSucceededRunsByTarget(db: Db, job: string): Promise<ReplicationRun[]> {
  const rows = await db.replicationRun.findMany({
    where: { job, state: 'succeeded' },
    orderBy: [{ target: 'asc' }, { finishedAt: 'desc' }, { id: 'desc' }],
    distinct: ['target'],
  });
  return rows.map(toReplicationRun);
}
