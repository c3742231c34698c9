import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { failOrphanedStepRuns } from '@/lib/db/replication/fail-orphaned-step-runs';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { backupRedisToBlob } from '@/lib/replication/redis-backup-to-blob';
import { restoreRedisToSecondary } from '@/lib/replication/restore-redis-to-secondary';
import type { StepHandler } from '../step-handler';
import { detailNumber, detailString } from './run-details';
import { otherRegion, regionParam } from './step-params';
import { requestedByStep, succeededRunOfStep } from './succeeded-run-of-step';

const outputOf = (run: ReplicationRun) => ({ blob: detailString(run, 'blob'), takenAt: detailString(run, 'takenAt'), keys: detailNumber(run, 'keys'), previousKeys: detailNumber(run, 'previousKeys'), runId: run.id });

/**
 * `restore-redis`: restores the newest verified backup of the other region into params.region.
 * Failing back, the secondary is backed up first: the schedule only ever backs up the primary.
 */
export function restoreRedisStep(db: Db, config: LifeboatConfig): StepHandler {
  return {
    async execute(ctx) {
      await failOrphanedStepRuns(db, requestedByStep(ctx));
      const region = regionParam(ctx.step);
      const source = otherRegion(region);
      const requestedBy = requestedByStep(ctx);
      let backupRunId: string | null = null;
      if (source === 'secondary') {
        const backup = await backupRedisToBlob(db, config, { trigger: 'runbook', requestedBy, region: source });
        if (!backup.ok) throw new Error(`backup of the secondary Redis: ${backup.error}`);
        backupRunId = backup.runId;
      }
      const run = await restoreRedisToSecondary(db, config, { trigger: 'runbook', requestedBy, region, source });
      if (run.state !== 'succeeded') throw new Error(run.error ?? `redis-restore run ${run.id} ended ${run.state}`);
      return { ...outputOf(run), backupRunId };
    },
    async recoverOutput(ctx) {
      const run = await succeededRunOfStep(db, 'redis-restore', 'redis', regionParam(ctx.step), ctx);
      return run ? outputOf(run) : {};
    },
    // Repeating would also be safe (a full sync replaces the data), but a finished restore is not redone.
    async check(ctx) {
      return (await succeededRunOfStep(db, 'redis-restore', 'redis', regionParam(ctx.step), ctx)) ? 'done' : 'not-done';
    },
    describe(ctx) {
      const region = regionParam(ctx.step);
      const source = otherRegion(region);
      const blob = config.components.blob;
      const backup = source === 'secondary' ? `back up the secondary Redis to redis/${config.regions.secondary.name}/, then ` : '';
      return (
        `Redis ${config.regions[region].name}: ${backup}restore the newest verified backup under redis/${config.regions[source].name}/ ` +
        `(Blob container ${blob.containers.redisBackups}, chosen at execution) by full sync from a one-shot master, then promote it back`
      );
    },
  };
}
