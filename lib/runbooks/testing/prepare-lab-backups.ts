import { seedLab } from '@/lab/supervisor/seed-lab';
import type { Db } from '@/lib/db/client';
import type { ProbeLab } from '@/lib/probes/testing/start-probe-lab';
import { backupRedisToBlob } from '@/lib/replication/redis-backup-to-blob';
import { snapshotQdrantToBlob } from '@/lib/replication/snapshot-qdrant-to-blob';
import { verifyNewestRedisBackup } from '@/lib/replication/verify-redis-backup';

/** Seeds the primary, then takes what a failover restores: a verified snapshot of every primary collection and a verified Redis backup. */
export async function prepareLabBackups(db: Db, lab: ProbeLab): Promise<void> {
  for (const collection of lab.config.components.qdrant.primary.collections) await seedLab(lab.lab, collection, () => undefined);
  for (const collection of lab.config.components.qdrant.primary.collections) {
    const run = await snapshotQdrantToBlob(db, lab.config, collection, { trigger: 'test' });
    if (run.state !== 'succeeded') throw new Error(`snapshot of ${collection}: ${run.error ?? run.state}`);
  }
  const backup = await backupRedisToBlob(db, lab.config, { trigger: 'test' });
  if (!backup.ok) throw new Error(`redis backup: ${backup.error}`);
  const verified = await verifyNewestRedisBackup(db, lab.config, { trigger: 'test' });
  if (!verified.ok) throw new Error(`redis verify: ${verified.error}`);
}
