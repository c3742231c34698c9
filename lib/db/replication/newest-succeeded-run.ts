import type { Db } from '../client';

/** When the newest successful run of a job started, or null if it never succeeded. */
export async function newestSucceededRunAt(db: Db, job: string): Promise<Date | null> {
  const row = await db.replicationRun.findFirst({ where: { job, state: 'succeeded' }, orderBy: { startedAt: 'desc' }, select: { startedAt: true } });
  return row?.startedAt ?? null;
}
