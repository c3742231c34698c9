import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { failOrphanedStepRuns } from '@/lib/db/replication/fail-orphaned-step-runs';
import { snapshotContainer } from '@/lib/replication/snapshot-container';
import { snapshotQdrantToBlob } from '@/lib/replication/snapshot-qdrant-to-blob';
import type { StepHandler } from '../step-handler';
import { detailNumber, detailString } from './run-details';
import { regionParam, stringParam } from './step-params';
import { requestedByStep, succeededRunOfStep } from './succeeded-run-of-step';

/**
 * `snapshot-qdrant-collection`: streams params.region's collection into Blob with its manifest
 * (sourceRegion = that region), so the next restore into the other region reads it. Used by failback.
 */
export function snapshotQdrantCollectionStep(db: Db, config: LifeboatConfig): StepHandler {
  return {
    async execute(ctx) {
      await failOrphanedStepRuns(db, requestedByStep(ctx));
      const region = regionParam(ctx.step);
      const collection = stringParam(ctx.step, 'collection');
      const run = await snapshotQdrantToBlob(db, config, collection, { trigger: 'runbook', requestedBy: requestedByStep(ctx), region });
      if (run.state !== 'succeeded') throw new Error(run.error ?? `qdrant-snapshot run ${run.id} ended ${run.state}`);
      return {
        snapshotName: detailString(run, 'snapshotName'),
        blobName: detailString(run, 'blobName'),
        snapshotCreatedAt: detailString(run, 'snapshotCreatedAt'),
        points: detailNumber(run, 'points'),
        sourceRegion: config.regions[region].name,
        runId: run.id,
      };
    },
    // A second snapshot would be harmless but slow: one that succeeded for this step is enough.
    async check(ctx) {
      const run = await succeededRunOfStep(db, 'qdrant-snapshot', stringParam(ctx.step, 'collection'), regionParam(ctx.step), ctx);
      return run ? 'done' : 'not-done';
    },
    describe(ctx) {
      const region = regionParam(ctx.step);
      return (
        `Qdrant ${config.regions[region].name} (${config.components.qdrant[region].url}): snapshot collection ${stringParam(ctx.step, 'collection')}, ` +
        `stream it through sha256 into Blob container ${snapshotContainer(config).containerName} and write its manifest (sourceRegion ${config.regions[region].name})`
      );
    },
    timeoutMs: 30 * 60_000,
  };
}
