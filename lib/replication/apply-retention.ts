import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { finishReplicationRun } from '@/lib/db/replication/finish-replication-run';
import { newestSuccessfulRestores } from '@/lib/db/replication/newest-successful-restores';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { startReplicationRun, type StartReplicationRun } from '@/lib/db/replication/start-replication-run';
import { describeFailure } from './describe-failure';
import { listBackupSets, type BackupSet } from './list-backup-sets';
import { planRetention } from './plan-retention';
import { snapshotBlobName } from './snapshot-manifest';

export type RetentionItem = { kind: BackupSet['kind']; scope: string; name: string; size: number; action: 'delete' | 'keep'; reason: string };
export type RetentionOutcome = { items: RetentionItem[]; deletedBytes: number; run: ReplicationRun | null };

export type ApplyRetentionOptions = Pick<StartReplicationRun, 'trigger' | 'requestedBy'> & { dryRun: boolean; now?: Date };

/** What retention would do today: per set, per blob, delete or keep and why. Reads only. */
export async function planBackupRetention(db: Db, config: LifeboatConfig, now: Date): Promise<{ sets: BackupSet[]; items: RetentionItem[] }> {
  const [sets, restores] = await Promise.all([listBackupSets(config), newestSuccessfulRestores(db)]);
  // What the secondary Qdrant holds now; a future Redis dependency would join here.
  const dependedOn = new Set(restores.map((restore) => snapshotBlobName(restore.collection, restore.snapshotName)));
  const items = sets.flatMap((set) => {
    const sizes = new Map(set.blobs.map((blob) => [blob.name, blob.size]));
    return planRetention({ blobs: set.blobs, now, retentionDays: set.retentionDays, dependedOn }).map((decision) => ({
      kind: set.kind,
      scope: set.scope,
      size: sizes.get(decision.name) ?? 0,
      ...decision,
    }));
  });
  return { sets, items };
}

/**
 * Deletes the snapshots and backups that retention lets go (manifest first, so a crash never leaves a
 * manifest without its data), or with dryRun only says what would go. An applied pass is recorded as a run.
 */
export async function applyRetention(db: Db, config: LifeboatConfig, options: ApplyRetentionOptions): Promise<RetentionOutcome> {
  const now = options.now ?? new Date();
  if (options.dryRun) return { ...(await planBackupRetention(db, config, now)), deletedBytes: 0, run: null };
  const run = await startReplicationRun(db, { job: 'retention', target: 'blob', region: 'primary', trigger: options.trigger, requestedBy: options.requestedBy });
  let deletedBytes = 0;
  const deleted: string[] = [];
  let items: RetentionItem[] = [];
  try {
    const plan = await planBackupRetention(db, config, now);
    items = plan.items;
    for (const set of plan.sets) {
      const inSet = new Map(set.blobs.map((blob) => [blob.name, blob]));
      for (const item of items.filter((candidate) => candidate.action === 'delete' && inSet.has(candidate.name))) {
        const manifestName = inSet.get(item.name)?.manifestName;
        if (manifestName) await set.container.getBlobClient(manifestName).deleteIfExists();
        await set.container.getBlobClient(item.name).deleteIfExists();
        deletedBytes += item.size;
        deleted.push(item.name);
      }
    }
    const kept = items.length - deleted.length;
    const finished = await finishReplicationRun(db, run.id, { state: 'succeeded', bytes: deletedBytes, details: { deleted, kept, now: now.toISOString() } });
    return { items, deletedBytes, run: finished ?? run };
  } catch (error) {
    const finished = await finishReplicationRun(db, run.id, { state: 'failed', bytes: deletedBytes, error: `retention: ${describeFailure(error)}`, details: { deleted } });
    return { items, deletedBytes, run: finished ?? run };
  }
}
