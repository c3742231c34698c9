import type { StoredSnapshot } from '@/lib/domain/cool-tier-hint';
import type { Db } from '../client';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Qdrant snapshots in Blob as the runs recorded them: succeeded snapshot runs younger than the
 * retention (older ones are deleted, except the newest, which the Cool hint keeps Hot anyway).
 */
export async function listStoredSnapshots(db: Db, retentionDays: number, now: Date): Promise<StoredSnapshot[]> {
  const runs = await db.replicationRun.findMany({
    where: { job: 'qdrant-snapshot', state: 'succeeded', bytes: { not: null }, startedAt: { gte: new Date(now.getTime() - retentionDays * DAY_MS) } },
    select: { target: true, bytes: true, startedAt: true },
  });
  return runs.map((run) => ({ target: run.target, bytes: Number(run.bytes ?? 0), at: run.startedAt }));
}
