import type { Db } from '../client';

/** When the secondary got data (a restore finished) and how new that data was (its snapshot's creation). */
export type RestorePoint = { collection: string; finishedAt: Date; snapshotCreatedAt: Date };

/**
 * Succeeded Qdrant restores finished in [from, to], oldest first, plus the newest one before `from`
 * per collection (what the secondary held when the window opens).
 */
export async function listRestoresBetween(db: Db, from: Date, to: Date): Promise<RestorePoint[]> {
  const select = { target: true, finishedAt: true, details: true } as const;
  const [before, inside] = await Promise.all([
    db.replicationRun.findMany({ where: { job: 'qdrant-restore', state: 'succeeded', finishedAt: { lt: from } }, orderBy: [{ target: 'asc' }, { finishedAt: 'desc' }], distinct: ['target'], select }),
    db.replicationRun.findMany({ where: { job: 'qdrant-restore', state: 'succeeded', finishedAt: { gte: from, lte: to } }, orderBy: { finishedAt: 'asc' }, select }),
  ]);
  return [...before, ...inside].flatMap((row) => {
    const created = (row.details as { snapshotCreatedAt?: unknown } | null)?.snapshotCreatedAt;
    if (row.finishedAt === null || typeof created !== 'string') return [];
    return [{ collection: row.target, finishedAt: row.finishedAt, snapshotCreatedAt: new Date(created) }];
  });
}
