import type { DeploymentModel } from '@/lib/config/schema';
import { describeDuration } from './describe-duration';
import { measureAge } from './measure-age';
import type { ReplicationFacts } from './measure-rpo';
import type { ProbeResult } from './probe-results';
import { probesOf } from './probes-of';
import type { AlertCondition } from './readiness-types';

/** Config `alerts` (defaults 3, 90, 120, 90). */
export type AlertThresholds = { primaryUnhealthyFailures: number; replicationLagMinutes: number; redisBackupStaleMinutes: number; drillOverdueDays: number };

export type AlertRulesInput = {
  now: Date;
  latest: readonly ProbeResult[];
  /** The primary app's recent health samples (ok or not), newest first. */
  recentPrimaryHealth: readonly boolean[];
  replication: ReplicationFacts;
  /** null: no successful drill recorded, which counts as overdue (the plan was never tested). */
  lastSuccessfulDrillAt: Date | null;
  deploymentModel: DeploymentModel;
  thresholds: AlertThresholds;
};

const parse = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/**
 * Every rule's verdict now, one condition per rule (dedupKey = the rule). "Over the threshold" is
 * strictly greater: exactly at it does not fire. A component that was not probed at all does not
 * fire its rule (nothing is known; the board's stale marker and readiness say so); a probe that
 * failed or timed out does. Times in the future count as age 0 and are flagged in details.
 */
export function evaluateAlertRules(input: AlertRulesInput): AlertCondition[] {
  const { now, latest, thresholds } = input;
  return [primaryRegionUnhealthy(input), replicationLagHigh(input), secondaryAksDown(input), blobReplicationFailed(latest), replicationJobFailed(input), redisBackupStale(input), drillOverdue(now, input.lastSuccessfulDrillAt, thresholds.drillOverdueDays)];
}

function primaryRegionUnhealthy({ recentPrimaryHealth, thresholds }: AlertRulesInput): AlertCondition {
  const firstOk = recentPrimaryHealth.indexOf(true);
  const failures = firstOk === -1 ? recentPrimaryHealth.length : firstOk;
  return {
    rule: 'primary-region-unhealthy',
    severity: 'SEV-1',
    dedupKey: 'primary-region-unhealthy',
    holds: failures > thresholds.primaryUnhealthyFailures,
    title: `Primary region unhealthy: ${failures} health checks failed in a row`,
    details: { consecutiveFailures: failures, threshold: thresholds.primaryUnhealthyFailures, action: 'page on-call; consider the failover runbook' },
  };
}

function replicationLagHigh({ now, latest, replication, thresholds }: AlertRulesInput): AlertCondition {
  // The restored snapshot (what RPO measures) when the pipeline reports one; else the newest on the primary's disk.
  const restored = replication.qdrant.map((entry) => ({ collection: entry.collection, at: entry.restoredSnapshotCreatedAt, basis: 'restored in the secondary' }));
  const onDisk = probesOf(latest, 'qdrant', 'primary').flatMap((probe) => (probe.metrics?.newestSnapshot ? [{ at: parse(probe.metrics.newestSnapshot.createdAt), name: probe.metrics.newestSnapshot.name }] : []));
  const fallback = onDisk[0] ?? null;
  const snapshots = (restored.length > 0 ? restored : [{ collection: '*', at: null, basis: '' }]).map((entry) =>
    entry.at ? entry : fallback?.at ? { collection: entry.collection, at: fallback.at, basis: `newest on the primary's disk (${fallback.name})` } : entry,
  );
  const aged = snapshots.flatMap((entry) => (entry.at ? [{ ...entry, age: measureAge(entry.at, now) }] : []));
  const limit = thresholds.replicationLagMinutes * 60;
  const late = aged.filter((entry) => entry.age.seconds > limit);
  const oldest = aged.reduce<(typeof aged)[number] | null>((max, entry) => (!max || entry.age.seconds > max.age.seconds ? entry : max), null);
  return {
    rule: 'replication-lag-high',
    severity: 'SEV-2',
    dedupKey: 'replication-lag-high',
    holds: late.length > 0,
    title: oldest ? `Replication lag high: newest Qdrant snapshot is ${describeDuration(oldest.age.seconds)} old` : 'Replication lag high: no Qdrant snapshot yet',
    details: {
      thresholdMinutes: thresholds.replicationLagMinutes,
      snapshots: aged.map((entry) => ({ collection: entry.collection, createdAt: entry.at?.toISOString() ?? null, ageSeconds: entry.age.seconds, basis: entry.basis, clockSkew: entry.age.skewed })),
      noSnapshotYet: snapshots.filter((entry) => !entry.at).map((entry) => entry.collection),
      action: 'check the snapshot and restore jobs',
    },
  };
}

function secondaryAksDown({ latest, deploymentModel }: AlertRulesInput): AlertCondition {
  const problems = probesOf(latest, 'aks', 'secondary').flatMap((probe) => {
    if (!probe.ok || !probe.metrics) return [`${probe.target}: ${probe.error ?? 'probe failed'}`];
    if (probe.metrics.powerState !== 'Running') return [`${probe.target}: ${probe.metrics.powerState}`];
    if (probe.metrics.provisioningState === 'Failed') return [`${probe.target}: provisioning failed`];
    if (probe.metrics.nodeCount === 0 && deploymentModel !== 'cold') return [`${probe.target}: 0 nodes`];
    return [];
  });
  return {
    rule: 'secondary-aks-down',
    severity: 'SEV-2',
    dedupKey: 'secondary-aks-down',
    holds: problems.length > 0,
    title: problems.length > 0 ? `Secondary AKS down: ${problems.join('; ')}` : 'Secondary AKS down',
    details: { problems, action: 'DR capability is lost until the secondary cluster is healthy' },
  };
}

function blobReplicationFailed(latest: readonly ProbeResult[]): AlertCondition {
  const probe = probesOf(latest, 'blob', 'global')[0];
  const problem = !probe ? null : !probe.ok || !probe.metrics ? (probe.error ?? 'probe failed') : probe.metrics.geoStatus === 'unavailable' ? 'geo-replication unavailable' : null;
  return {
    rule: 'blob-replication-failed',
    severity: 'SEV-2',
    dedupKey: 'blob-replication-failed',
    holds: problem !== null,
    title: `Blob replication failed${problem ? `: ${problem}` : ''}`,
    details: { target: probe?.target ?? null, geoStatus: probe?.metrics?.geoStatus ?? null, lastSyncTime: probe?.metrics?.lastSyncTime ?? null, action: 'check Azure status for the storage account' },
  };
}

/** The plan's "check sync job": a pipeline whose newest run failed, until a run of it succeeds. */
function replicationJobFailed({ replication }: AlertRulesInput): AlertCondition {
  const failing = (replication.latestRuns ?? []).filter((run) => run.state === 'failed');
  return {
    rule: 'replication-job-failed',
    severity: 'SEV-3',
    dedupKey: 'replication-job-failed',
    holds: failing.length > 0,
    title: failing.length > 0 ? `Replication job failed: ${failing.map((run) => `${run.job} ${run.target}`).join(', ')}` : 'Replication job failed',
    details: {
      failing: failing.map((run) => ({ job: run.job, target: run.target, finishedAt: run.finishedAt.toISOString(), error: run.error })),
      action: 'read the error on the Replication page; the next scheduled run retries',
    },
  };
}

function redisBackupStale({ now, latest, replication, thresholds }: AlertRulesInput): AlertCondition {
  const probed = [...probesOf(latest, 'redis', 'primary'), ...probesOf(latest, 'redis', 'secondary')].map((probe) => parse(probe.metrics?.newestBackupAt)).filter((at): at is Date => at !== null);
  const newest = replication.redisNewestBackupAt ?? probed.reduce<Date | null>((max, at) => (!max || at > max ? at : max), null);
  const age = newest ? measureAge(newest, now) : null;
  return {
    rule: 'redis-backup-stale',
    severity: 'SEV-3',
    dedupKey: 'redis-backup-stale',
    holds: age !== null && age.seconds > thresholds.redisBackupStaleMinutes * 60,
    title: age ? `Redis backup stale: newest backup is ${describeDuration(age.seconds)} old` : 'Redis backup stale: no backup yet',
    details: { newestBackupAt: newest?.toISOString() ?? null, ageSeconds: age?.seconds ?? null, clockSkew: age?.skewed ?? false, thresholdMinutes: thresholds.redisBackupStaleMinutes },
  };
}

function drillOverdue(now: Date, lastSuccessfulDrillAt: Date | null, days: number): AlertCondition {
  const age = lastSuccessfulDrillAt ? measureAge(lastSuccessfulDrillAt, now) : null;
  return {
    rule: 'drill-overdue',
    severity: 'SEV-3',
    dedupKey: 'drill-overdue',
    holds: age === null || age.seconds > days * 86_400,
    title: age ? `DR drill overdue: the last successful drill was ${describeDuration(age.seconds)} ago` : 'DR drill overdue: no successful drill recorded',
    details: { lastSuccessfulDrillAt: lastSuccessfulDrillAt?.toISOString() ?? null, thresholdDays: days, clockSkew: age?.skewed ?? false },
  };
}
