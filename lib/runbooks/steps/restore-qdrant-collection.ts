import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { failOrphanedStepRuns } from '@/lib/db/replication/fail-orphaned-step-runs';
import type { ReplicationRun } from '@/lib/db/replication/replication-run';
import { newestVerifiedSnapshots } from '@/lib/replication/newest-verified-snapshots';
import { qdrantNode } from '@/lib/replication/qdrant-client';
import { restoreSnapshotToSecondary } from '@/lib/replication/restore-snapshot-to-secondary';
import { snapshotContainer } from '@/lib/replication/snapshot-container';
import type { StepContext, StepHandler } from '../step-handler';
import { detailNumber, detailString } from './run-details';
import { otherRegion, regionParam, stringParam } from './step-params';
import { requestedByStep, succeededRunOfStep } from './succeeded-run-of-step';

/** Points in the target's collection, or null when it does not exist yet. */
async function countPoints(config: LifeboatConfig, region: 'primary' | 'secondary', collection: string): Promise<number | null> {
  const { client } = qdrantNode(config, region, 60_000);
  if (!(await client.collectionExists(collection)).exists) return null;
  return (await client.count(collection, { exact: true })).count;
}

const outputOf = (run: ReplicationRun) => ({
  snapshotName: detailString(run, 'snapshotName'),
  snapshotCreatedAt: detailString(run, 'snapshotCreatedAt'),
  points: detailNumber(run, 'points'),
  previousPoints: detailNumber(run, 'previousPoints'),
  runId: run.id,
});

/**
 * `restore-qdrant-collection`: recovers params.collection in params.region from the newest verified
 * snapshot the other region took (a failover reads the primary's, a failback the secondary's).
 */
export function restoreQdrantCollectionStep(db: Db, config: LifeboatConfig): StepHandler {
  const target = (ctx: StepContext) => ({ region: regionParam(ctx.step), collection: stringParam(ctx.step, 'collection') });
  return {
    async execute(ctx) {
      await failOrphanedStepRuns(db, requestedByStep(ctx));
      const { region, collection } = target(ctx);
      const run = await restoreSnapshotToSecondary(db, config, collection, { trigger: 'runbook', requestedBy: requestedByStep(ctx), region });
      if (run.state !== 'succeeded') throw new Error(run.error ?? `qdrant-restore run ${run.id} ended ${run.state}`);
      return outputOf(run);
    },
    async recoverOutput(ctx) {
      const { region, collection } = target(ctx);
      const run = await succeededRunOfStep(db, 'qdrant-restore', collection, region, ctx);
      return run ? outputOf(run) : {};
    },
    // Done only if this step's restore succeeded, from what is still the newest snapshot, and the target
    // still holds its points. Otherwise repeating is safe: recover replaces the collection wholesale, and
    // no traffic reaches the target before this step (the route switch depends on it).
    async check(ctx) {
      const { region, collection } = target(ctx);
      const run = await succeededRunOfStep(db, 'qdrant-restore', collection, region, ctx);
      if (!run) return 'not-done';
      const manifest = (await newestVerifiedSnapshots(config, collection, config.regions[otherRegion(region)].name)).get(collection);
      if (!manifest || manifest.snapshotName !== detailString(run, 'snapshotName')) return 'not-done';
      return (await countPoints(config, region, collection)) === manifest.pointsCount ? 'done' : 'not-done';
    },
    describe(ctx) {
      const { region, collection } = target(ctx);
      const source = config.regions[otherRegion(region)].name;
      return (
        `Qdrant ${config.regions[region].name} (${config.components.qdrant[region].url}): recover collection ${collection} ` +
        `from the newest verified snapshot taken in ${source} (Blob container ${snapshotContainer(config).containerName}, chosen at execution), ` +
        `checked against the manifest's sha256 and points count`
      );
    },
    timeoutMs: 30 * 60_000,
  };
}
