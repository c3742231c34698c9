import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import type { DrillWithRun } from '@/lib/db/metrics/drill-with-run';
import { listDrillsWithRuns } from '@/lib/db/metrics/list-drills-with-runs';
import { latestProbeSamples } from '@/lib/db/probes/latest-probe-samples';
import { judgeDrills } from '@/lib/metrics/judge-drill';
import { readReplicationOverview } from '@/lib/replication/read-replication-overview';
import { backupsFromOverview } from './backups-from-overview';
import type { ComplianceFacts } from './compliance-facts';
import { newestFinishedDrill } from './newest-finished-drill';

/** The live facts behind CP-6/7/9/10, from the database only: newest probes, backups and restores, the newest finished drill. */
export async function readComplianceFacts(db: Db, config: LifeboatConfig, now: Date, drillsRead?: Promise<DrillWithRun[]>): Promise<ComplianceFacts> {
  const [latest, overview, drills] = await Promise.all([latestProbeSamples(db), readReplicationOverview(db, config, { now }), drillsRead ?? listDrillsWithRuns(db)]);
  const secondaryAks = config.components.aks.secondary;
  return {
    now,
    objectives: config.objectives,
    deploymentModel: config.deploymentModel,
    probeIntervalSeconds: config.schedules.probeIntervalSeconds,
    regions: { primary: { name: config.regions.primary.name, label: config.regions.primary.label }, secondary: { name: config.regions.secondary.name, label: config.regions.secondary.label } },
    secondaryAks: { cluster: secondaryAks.cluster, nodePool: secondaryAks.nodePool, standbyNodeCount: secondaryAks.standbyNodeCount, productionNodeCount: secondaryAks.productionNodeCount },
    storageAccount: config.components.blob.accountName,
    latest,
    backups: backupsFromOverview(overview),
    newestDrill: newestFinishedDrill(judgeDrills(drills, config.objectives)),
  };
}
