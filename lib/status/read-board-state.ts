import { readLastMeasuredRecovery } from '@/lib/db/runbooks/read-last-measured-recovery';
import type { DrillMilestones } from '@/lib/metrics/drill-milestones';
import { readDrillMilestones } from '@/lib/metrics/read-drill-milestones';
import { readReplicationFacts } from '@/lib/replication/read-replication-facts';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readControlPlaneHealth, type ControlPlaneHealthJson } from '@/lib/control-plane/read-control-plane-health';
import type { Db } from '@/lib/db/client';
import { pingDatabase } from '@/lib/db/ping-database';
import { latestProbeSamples } from '@/lib/db/probes/latest-probe-samples';
import type { StoredProbeSample } from '@/lib/db/probes/stored-probe-sample';
import { assessReadiness } from '@/lib/domain/assess-readiness';
import { componentTiles } from '@/lib/domain/component-tiles';
import type { ComponentTile, Readiness } from '@/lib/domain/readiness-types';
import { readAlertsForBoard } from './read-alerts-for-board';
import type { FailedNotificationView, StatusSnapshot } from './status-snapshot';

/** What both the board and /api/metrics are built from: the database's view of DR, judged by lib/domain. */
export type BoardState = {
  now: Date;
  config: LifeboatConfig;
  objectives: LifeboatConfig['objectives'];
  latest: StoredProbeSample[];
  readiness: Readiness;
  tiles: ComponentTile[];
  alerts: StatusSnapshot['alerts'];
  failedNotifications: FailedNotificationView[];
  notificationCounts: Record<string, number>;
  controlPlane: ControlPlaneHealthJson;
  databaseLatencyMs: number;
  /** The last successful drill and the next one (the DR plan's "last successful drill" on the dashboard). */
  drills: DrillMilestones;
};

/** Reads the newest probes, alerts and workers (database only: never Azure, Qdrant or Redis) and judges readiness. */
export async function readBoardState(db: Db, now = new Date()): Promise<BoardState> {
  const config = getConfig();
  const pingStarted = performance.now();
  await pingDatabase(db);
  const databaseLatencyMs = Math.round(performance.now() - pingStarted);
  const [latest, alerts, controlPlane, replication, lastMeasured, drills] = await Promise.all([
    latestProbeSamples(db),
    readAlertsForBoard(db, now),
    readControlPlaneHealth(db),
    readReplicationFacts(db, config),
    readLastMeasuredRecovery(db),
    readDrillMilestones(db, config.objectives, now),
  ]);
  const intervalSeconds = config.schedules.probeIntervalSeconds;
  const readiness = assessReadiness({
    latest,
    now,
    probeIntervalSeconds: intervalSeconds,
    objectives: config.objectives,
    deploymentModel: config.deploymentModel,
    replication,
    // The newest measured failover or drill, else the plan's step estimates.
    lastMeasured,
    stepEstimatesMinutes: config.rto.stepEstimatesMinutes,
  });
  return {
    now,
    config,
    objectives: config.objectives,
    latest,
    readiness,
    tiles: componentTiles(latest, now, intervalSeconds),
    alerts: { firing: alerts.firing, recentlyResolved: alerts.recentlyResolved },
    failedNotifications: alerts.failedNotifications,
    notificationCounts: alerts.notificationCounts,
    controlPlane,
    databaseLatencyMs,
    drills,
  };
}
