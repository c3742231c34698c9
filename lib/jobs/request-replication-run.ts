import { PgBoss } from 'pg-boss';
import type { DbTx } from '@/lib/db/client';
import { resolveDatabaseUrl } from '@/lib/db/database-url';
import { ExpectedFailure } from '@/lib/domain/errors';
import { replicationQueueOf } from './replication-queues';
import { sqlExecutorOn } from './sql-executor';

export const MANUAL_REPLICATION_JOBS = ['qdrant-snapshot', 'qdrant-restore', 'redis-backup', 'redis-verify', 'redis-restore', 'retention'] as const;
export type ManualReplicationJob = (typeof MANUAL_REPLICATION_JOBS)[number];

/** What a queued run carries: who asked, so the run row and its audit trail name them. */
export type ReplicationJobData = { trigger: 'manual'; requestedBy: string };

const holder = globalThis as unknown as { lifeboatJobSender?: Promise<PgBoss> };

/** A send-only pg-boss: no schema work, no maintenance, no cron (the worker does those); inserts go through the caller's transaction. */
function jobSender(): Promise<PgBoss> {
  holder.lifeboatJobSender ??= (async () => {
    const boss = new PgBoss({ connectionString: await resolveDatabaseUrl(), max: 1, supervise: false, schedule: false, migrate: false, createSchema: false });
    boss.on('error', () => undefined);
    return boss.start();
  })().catch((error: unknown) => {
    holder.lifeboatJobSender = undefined;
    throw error;
  });
  return holder.lifeboatJobSender;
}

/**
 * Queues a run of `job` for the leading worker, in the caller's transaction (so it commits with its
 * audit event). The queues are exclusive: a second request while one is queued or running is refused.
 */
export async function requestReplicationRun(tx: DbTx, job: ManualReplicationJob, requestedBy: string, sender: () => Promise<PgBoss> = jobSender): Promise<{ requestId: string }> {
  const boss = await sender().catch((error: unknown) => {
    throw new ExpectedFailure(`The job queue is not ready (has the worker started once?): ${error instanceof Error ? error.message : String(error)}`);
  });
  const data: ReplicationJobData = { trigger: 'manual', requestedBy };
  let id: string | null;
  try {
    id = await boss.send(replicationQueueOf(job), data, { db: sqlExecutorOn(tx) });
  } catch (error) {
    if (error instanceof Error && /queue .* does not exist|not found/i.test(error.message)) throw new ExpectedFailure(`No worker has declared the ${job} queue yet: start the worker first.`);
    throw error;
  }
  if (id === null) throw new ExpectedFailure(`A ${job} run is already queued or running; wait for it to finish.`);
  return { requestId: id };
}
