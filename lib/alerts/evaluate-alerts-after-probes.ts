import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { probeHistory } from '@/lib/db/probes/probe-history';
import { evaluateAlertRules } from '@/lib/domain/evaluate-alert-rules';
import type { ProbeResult } from '@/lib/domain/probe-results';
import { readLastSuccessfulDrill } from '@/lib/metrics/read-last-successful-drill';
import { readReplicationFacts } from '@/lib/replication/read-replication-facts';
import { activeNotificationTargets } from '@/lib/notify/active-notification-targets';
import { applyAlertConditions, type AppliedAlert } from './apply-alert-conditions';

// Enough history to count "more than N failures in a row" with room to spare.
const HEALTH_HISTORY_CYCLES = 20;

/**
 * The worker's after-probe step: judge every alert rule on the cycle just recorded and fire or
 * resolve alerts (each with its notifications and audit event).
 */
export async function evaluateAlertsAfterProbes(db: Db, config: LifeboatConfig, results: readonly ProbeResult[], now = new Date()): Promise<AppliedAlert[]> {
  const from = new Date(now.getTime() - HEALTH_HISTORY_CYCLES * config.schedules.probeIntervalSeconds * 1000);
  const history = await probeHistory(db, { component: 'app', region: 'primary', from, to: now });
  const recentPrimaryHealth = history.samples
    .slice()
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((sample) => sample.ok && sample.metrics !== null && (sample.metrics as { status?: string }).status !== 'unavailable');
  const lastSuccessful = await readLastSuccessfulDrill(db, config.objectives);
  const conditions = evaluateAlertRules({
    now,
    latest: results,
    recentPrimaryHealth,
    replication: await readReplicationFacts(db, config),
    // A drill passes only once its criteria hold (participants confirmed too): the alert resolves then.
    lastSuccessfulDrillAt: lastSuccessful ? new Date(lastSuccessful.at) : null,
    deploymentModel: config.deploymentModel,
    thresholds: config.alerts,
  });
  return applyAlertConditions(db, conditions, { targets: activeNotificationTargets(config.notifications.targets), now });
}
