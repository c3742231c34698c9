import type { Job, PgBoss } from 'pg-boss';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { failInterruptedRuns } from '@/lib/db/replication/fail-interrupted-runs';
import { readStandbyHold } from '@/lib/db/runbooks/read-standby-hold';
import type { StartReplicationRun } from '@/lib/db/replication/start-replication-run';
import { applyRetention } from '@/lib/replication/apply-retention';
import { backupRedisToBlob } from '@/lib/replication/redis-backup-to-blob';
import { restoreRedisToSecondary } from '@/lib/replication/restore-redis-to-secondary';
import { restoreSnapshotToSecondary } from '@/lib/replication/restore-snapshot-to-secondary';
import { snapshotQdrantToBlob } from '@/lib/replication/snapshot-qdrant-to-blob';
import { verifyNewestRedisBackup } from '@/lib/replication/verify-redis-backup';
import { NotLeaderError } from './not-leader-error';
import { replicationQueueOf } from './replication-queues';
import type { ManualReplicationJob, ReplicationJobData } from './request-replication-run';

export type ReplicationJobContext = { db: Db; config: LifeboatConfig; isLeader: () => boolean; log: (line: string) => void };

type Trigger = Pick<StartReplicationRun, 'trigger' | 'requestedBy'>;
type ReplicationJob = {
  job: ManualReplicationJob;
  cron: (config: LifeboatConfig) => string | undefined;
  run: (ctx: ReplicationJobContext, trigger: Trigger) => Promise<string>;
  /** Writes into the standby: a scheduled run waits while a runbook executes or the secondary serves. */
  writesStandby?: boolean;
};

const collections = (config: LifeboatConfig) => config.components.qdrant.primary.collections;
const describeRun = (run: { target: string; state: string; error: string | null }) => `${run.target} ${run.state}${run.error ? ` (${run.error})` : ''}`;

/** The DR plan's data protection, on the configured schedules. Each run is recorded whatever its outcome. */
export const REPLICATION_JOBS: readonly ReplicationJob[] = [
  {
    job: 'qdrant-snapshot',
    cron: (config) => config.schedules.qdrantSnapshot,
    run: async ({ db, config }, trigger) => {
      const runs = [];
      for (const collection of collections(config)) runs.push(await snapshotQdrantToBlob(db, config, collection, trigger));
      return runs.map(describeRun).join(', ');
    },
  },
  {
    job: 'qdrant-restore',
    writesStandby: true,
    cron: (config) => config.schedules.snapshotRestore,
    run: async ({ db, config }, trigger) => {
      const runs = [];
      for (const collection of collections(config)) runs.push(await restoreSnapshotToSecondary(db, config, collection, trigger));
      return runs.map(describeRun).join(', ');
    },
  },
  {
    job: 'redis-backup',
    cron: (config) => config.schedules.redisBackup,
    run: async ({ db, config }, trigger) => {
      const result = await backupRedisToBlob(db, config, trigger);
      return result.ok ? `backed up to ${result.blobName}` : `failed: ${result.error}`;
    },
  },
  {
    job: 'redis-verify',
    cron: (config) => config.schedules.redisVerify,
    run: async ({ db, config }, trigger) => {
      const result = await verifyNewestRedisBackup(db, config, trigger);
      return result.ok ? `verified ${result.blobName}: ${result.keys} keys` : `failed: ${result.error}`;
    },
  },
  {
    job: 'redis-restore',
    writesStandby: true,
    cron: (config) => config.schedules.redisRestore,
    run: async ({ db, config }, trigger) => describeRun(await restoreRedisToSecondary(db, config, trigger)),
  },
  {
    job: 'retention',
    cron: (config) => config.schedules.retention,
    run: async ({ db, config }, trigger) => {
      const outcome = await applyRetention(db, config, { ...trigger, dryRun: false });
      const deleted = outcome.items.filter((item) => item.action === 'delete').length;
      return outcome.run?.state === 'failed' ? `failed: ${outcome.run.error}` : `deleted ${deleted} blobs (${outcome.deletedBytes} bytes), kept ${outcome.items.length - deleted}`;
    },
  },
];

/** A manual request names who asked; a cron-sent job carries no data. */
function triggerOf(job: Job<Partial<ReplicationJobData>> | undefined): Trigger {
  const requestedBy = job?.data?.requestedBy;
  return job?.data?.trigger === 'manual' && typeof requestedBy === 'string' ? { trigger: 'manual', requestedBy } : { trigger: 'schedule' };
}

/**
 * Declares the queues and their schedules (an upsert: every worker declaring them leaves one schedule
 * each). Exclusive: one job per queue queued or running, so runs of a pipeline never overlap.
 */
export async function declareReplicationJobs(boss: PgBoss, config: LifeboatConfig): Promise<void> {
  for (const job of REPLICATION_JOBS) {
    const queue = replicationQueueOf(job.job);
    const existing = await boss.getQueue(queue);
    // Queues made before the exclusive policy cannot change policy in place.
    if (existing && existing.policy !== 'exclusive') await boss.deleteQueue(queue);
    // A failed run is recorded and retried on the next schedule; the one queue retry covers a job claimed by a worker that just lost leadership.
    await boss.createQueue(queue, { policy: 'exclusive', retryLimit: 1, retryDelay: 5, expireInSeconds: 3600, deleteAfterSeconds: 7 * 86_400 });
    const cron = job.cron(config);
    if (cron === undefined) await boss.unschedule(queue);
    else await boss.schedule(queue, cron, null, { tz: 'UTC' });
  }
}

/** Leader-only handlers; returns the work ids to stop them with. */
export async function workReplicationJobs(boss: PgBoss, ctx: ReplicationJobContext): Promise<{ queue: string; id: string }[]> {
  const ids = [];
  for (const job of REPLICATION_JOBS) {
    const queue = replicationQueueOf(job.job);
    const id = await boss.work<Partial<ReplicationJobData>>(queue, { pollingIntervalSeconds: 2 }, async ([claimed]) => {
      if (!ctx.isLeader()) throw new NotLeaderError(queue);
      const interrupted = await failInterruptedRuns(ctx.db, job.job);
      if (interrupted > 0) ctx.log(`${queue}: marked ${interrupted} interrupted run(s) failed`);
      const trigger = triggerOf(claimed);
      const hold = job.writesStandby && trigger.trigger === 'schedule' ? await readStandbyHold(ctx.db) : null;
      if (hold) return ctx.log(`${queue}: scheduled run skipped: ${hold}`);
      ctx.log(`${queue}: ${await job.run(ctx, trigger)}`);
    });
    ids.push({ queue, id });
  }
  return ids;
}
