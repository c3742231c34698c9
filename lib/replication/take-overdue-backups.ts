import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { listReplicationRuns } from '@/lib/db/replication/list-replication-runs';
import { backupRedisToBlob } from './redis-backup-to-blob';
import { snapshotQdrantToBlob } from './snapshot-qdrant-to-blob';
import { verifyNewestRedisBackup } from './verify-redis-backup';

const succeededSince = async (db: Db, since: Date, job: 'qdrant-snapshot' | 'redis-verify', target?: string) =>
  (await listReplicationRuns(db, { job, target, limit: 20 })).some((run) => run.state === 'succeeded' && run.startedAt >= since);

/**
 * A new installation, or one started again after downtime, protects at once instead of waiting for
 * the schedule: every collection without a snapshot within the RPO objective gets one, Redis a
 * verified backup likewise. Returns one line per action taken.
 */
export async function takeOverdueBackups(db: Db, config: LifeboatConfig, requestedBy: string, now = new Date()): Promise<string[]> {
  const trigger = { trigger: 'manual' as const, requestedBy };
  const since = new Date(now.getTime() - config.objectives.rpoMinutes * 60_000);
  const lines: string[] = [];
  for (const collection of config.components.qdrant.primary.collections) {
    if (await succeededSince(db, since, 'qdrant-snapshot', collection)) continue;
    const run = await snapshotQdrantToBlob(db, config, collection, trigger);
    lines.push(`snapshot of ${collection}: ${run.state}${run.error ? ` (${run.error})` : ''}`);
  }
  if (!(await succeededSince(db, since, 'redis-verify'))) {
    const backup = await backupRedisToBlob(db, config, trigger);
    const verified = backup.ok ? await verifyNewestRedisBackup(db, config, trigger) : backup;
    lines.push(`redis backup: ${verified.ok ? 'verified' : `failed (${verified.error})`}`);
  }
  return lines;
}
