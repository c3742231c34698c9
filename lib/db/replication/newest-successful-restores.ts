import type { Db } from '../client';

export type SuccessfulRestore = { collection: string; runId: string; finishedAt: Date; snapshotName: string; restoredSnapshotCreatedAt: Date };

function stringField(details: unknown, key: string): string | null {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const value: unknown = (details as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/**
 * Per collection, the newest succeeded 'qdrant-restore' run: what the secondary holds, and the
 * snapshot time it holds data up to (the RPO's `restoredSnapshotCreatedAt`).
 */
export async function newestSuccessfulRestores(db: Db): Promise<SuccessfulRestore[]> {
  const rows = await db.replicationRun.findMany({
    where: { job: 'qdrant-restore', state: 'succeeded' },
    orderBy: [{ target: 'asc' }, { finishedAt: 'desc' }, { id: 'desc' }],
    distinct: ['target'],
  });
  return rows.flatMap((row) => {
    const createdAt = stringField(row.details, 'snapshotCreatedAt');
    const snapshotName = stringField(row.details, 'snapshotName');
    if (createdAt === null || snapshotName === null || row.finishedAt === null) return [];
    return [{ collection: row.target, runId: row.id.toString(), finishedAt: row.finishedAt, snapshotName, restoredSnapshotCreatedAt: new Date(createdAt) }];
  });
}
