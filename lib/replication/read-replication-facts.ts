import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { latestFinishedRuns } from '@/lib/db/replication/latest-finished-runs';
import { newestSucceededRunAt } from '@/lib/db/replication/newest-succeeded-run';
import { newestSuccessfulRestores } from '@/lib/db/replication/newest-successful-restores';
import type { ReplicationFacts } from '@/lib/domain/measure-rpo';

/** What the RPO is measured from: per collection the newest restored snapshot, and the newest Redis backup. */
export async function readReplicationFacts(db: Db, config: LifeboatConfig): Promise<ReplicationFacts> {
  const [restores, redisNewestBackupAt, latestRuns] = await Promise.all([newestSuccessfulRestores(db), newestSucceededRunAt(db, 'redis-backup'), latestFinishedRuns(db)]);
  return {
    qdrant: config.components.qdrant.primary.collections.map((collection) => ({
      collection,
      restoredSnapshotCreatedAt: restores.find((restore) => restore.collection === collection)?.restoredSnapshotCreatedAt ?? null,
    })),
    redisNewestBackupAt,
    latestRuns,
  };
}
