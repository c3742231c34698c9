import type { PgBoss } from 'pg-boss';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { backupRedisToBlob } from '@/lib/replication/redis-backup-to-blob';
import { restoreSnapshotToSecondary } from '@/lib/replication/restore-snapshot-to-secondary';
import { snapshotQdrantToBlob } from '@/lib/replication/snapshot-qdrant-to-blob';
import { verifyNewestRedisBackup } from '@/lib/replication/verify-redis-backup';
import { NotLeaderError } from './not-leader-error';

export type ReplicationJobContext = { db: Db; config: LifeboatConfig; isLeader: () => boolean; log: (line: string) => void };

type ReplicationJob = { queue: string; cron: (config: LifeboatConfig) => string; run: (ctx: ReplicationJobContext) => Promise<string> };

const collections = (config: LifeboatConfig) => config.components.qdrant.primary.collections;

/** The DR plan's data protection, on the configured schedules. Each run is recorded whatever its outcome. */
export const REPLICATION_JOBS: readonly ReplicationJob[] = [
  {
    queue: 'replication.qdrant-snapshot',
    cron: (config) => config.schedules.qdrantSnapshot,
    run: async ({ db, config }) => {
      const runs = [];
      for (const collection of collections(config)) runs.push(await snapshotQdrantToBlob(db, config, collection, { trigger: 'schedule' }));
      return runs.map((run) => `${run.target} ${run.state}${run.error ? ` (${run.error})` : ''}`).join(', ');
    },
  },
  {
    queue: 'replication.qdrant-restore',
    cron: (config) => config.schedules.snapshotRestore,
    run: async ({ db, config }) => {
      const runs = [];
      for (const collection of collections(config)) runs.push(await restoreSnapshotToSecondary(db, config, collection, { trigger: 'schedule' }));
      return runs.map((run) => `${run.target} ${run.state}${run.error ? ` (${run.error})` : ''}`).join(', ');
    },
  },
  {
    queue: 'replication.redis-backup',
    cron: (config) => config.schedules.redisBackup,
    run: async ({ db, config }) => {
      const result = await backupRedisToBlob(db, config, { trigger: 'schedule' });
      return result.ok ? `backed up to ${result.blobName}` : `failed: ${result.error}`;
    },
  },
  {
    queue: 'replication.redis-verify',
    cron: (config) => config.schedules.redisVerify,
    run: async ({ db, config }) => {
      const result = await verifyNewestRedisBackup(db, config, { trigger: 'schedule' });
      return result.ok ? `verified ${result.blobName}: ${result.keys} keys` : `failed: ${result.error}`;
    },
  },
];

/** Declares the queues and their schedules (an upsert: every worker declaring them leaves one schedule each). */
export async function declareReplicationJobs(boss: PgBoss, config: LifeboatConfig): Promise<void> {
  for (const job of REPLICATION_JOBS) {
    // A failed run is recorded and retried on the next schedule; the one queue retry covers a job claimed by a worker that just lost leadership.
    await boss.createQueue(job.queue, { retryLimit: 1, retryDelay: 5, expireInSeconds: 3600, deleteAfterSeconds: 7 * 86_400 });
    await boss.schedule(job.queue, job.cron(config), null, { tz: 'UTC' });
  }
}

/** Leader-only handlers; returns the work ids to stop them with. */
export async function workReplicationJobs(boss: PgBoss, ctx: ReplicationJobContext): Promise<{ queue: string; id: string }[]> {
  const ids = [];
  for (const job of REPLICATION_JOBS) {
    const id = await boss.work(job.queue, { pollingIntervalSeconds: 5 }, async () => {
      if (!ctx.isLeader()) throw new NotLeaderError(job.queue);
      ctx.log(`${job.queue}: ${await job.run(ctx)}`);
    });
    ids.push({ queue: job.queue, id });
  }
  return ids;
}
