import { Gauge, Registry } from 'prom-client';
import type { Db } from '@/lib/db/client';
import { ALERT_RULES, type Severity, type Verdict } from '@/lib/domain/readiness-types';
import { readBoardState } from './read-board-state';

const VERDICTS: readonly Verdict[] = ['READY', 'DEGRADED', 'NOT_READY'];
const SEVERITIES: readonly Severity[] = ['SEV-1', 'SEV-2', 'SEV-3'];

/**
 * Prometheus text for one scrape, from the database only (what the board shows): a registry of
 * its own per call, so nothing leaks between scrapes or into prom-client's global registry.
 */
export async function renderMetrics(db: Db, now = new Date()): Promise<{ contentType: string; text: string }> {
  const state = await readBoardState(db, now);
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Gauge<L>({ name, help, labelNames, registers: [registry] });

  const up = gauge('lifeboat_probe_up', 'Whether the newest probe of the target succeeded (1) or failed (0).', ['component', 'region', 'target']);
  const latency = gauge('lifeboat_probe_latency_seconds', 'Latency of the newest probe of the target.', ['component', 'region', 'target']);
  const age = gauge('lifeboat_probe_age_seconds', 'Seconds since the newest probe of the target.', ['component', 'region', 'target']);
  for (const sample of state.latest) {
    const labels = { component: sample.component, region: sample.region, target: sample.target };
    up.set(labels, sample.ok ? 1 : 0);
    if (sample.latencyMs !== null) latency.set(labels, sample.latencyMs / 1000);
    age.set(labels, Math.max(0, (now.getTime() - sample.at.getTime()) / 1000));
  }

  const rpo = gauge('lifeboat_rpo_seconds', 'Current RPO of the protected data set: how much data a failover now would lose.', ['data_set']);
  const rpoKnown = gauge('lifeboat_rpo_known', 'Whether the data set RPO can be measured (0: no snapshot, backup or sync time yet).', ['data_set']);
  const rpoObjective = gauge('lifeboat_rpo_objective_seconds', 'RPO objective from the configuration.', []);
  for (const set of state.readiness.rpo.dataSets) {
    rpoKnown.set({ data_set: set.dataSet }, set.rpoSeconds === null ? 0 : 1);
    if (set.rpoSeconds !== null) rpo.set({ data_set: set.dataSet }, set.rpoSeconds);
  }
  rpoObjective.set(state.objectives.rpoMinutes * 60);
  gauge('lifeboat_rto_estimate_seconds', 'Estimated RTO: newest measured drill or failover, else the plan estimate.', ['basis']).set({ basis: state.readiness.rto.basis }, state.readiness.rto.minutes * 60);
  gauge('lifeboat_rto_objective_seconds', 'RTO objective from the configuration.', []).set(state.readiness.rto.objectiveMinutes * 60);

  const readiness = gauge('lifeboat_readiness', 'Standby readiness verdict: 1 for the current verdict, 0 for the others.', ['verdict']);
  for (const verdict of VERDICTS) readiness.set({ verdict }, state.readiness.verdict === verdict ? 1 : 0);
  gauge('lifeboat_readiness_stale', 'Whether the newest probe is older than two probe intervals.', []).set(state.readiness.stale ? 1 : 0);

  const firing = gauge('lifeboat_alerts_firing', 'Alerts firing now, per rule and severity.', ['rule', 'severity']);
  for (const rule of ALERT_RULES) {
    for (const severity of SEVERITIES) firing.set({ rule, severity }, state.alerts.firing.filter((alert) => alert.rule === rule && alert.severity === severity).length);
  }

  const notifications = gauge('lifeboat_notifications', 'Undelivered notifications in the outbox, per status (pending: waiting or retrying; failed: gave up).', ['status']);
  for (const [status, count] of Object.entries(state.notificationCounts)) notifications.set({ status }, count);

  const leader = state.controlPlane.leader;
  gauge('lifeboat_worker_leader_present', 'Whether a live worker holds the leader lock.', []).set(leader && leader.status === 'alive' ? 1 : 0);
  const workers = gauge('lifeboat_workers', 'Worker processes, per status.', ['status']);
  for (const status of ['alive', 'stale', 'stopped']) workers.set({ status }, state.controlPlane.workers.filter((worker) => worker.status === status).length);

  return { contentType: registry.contentType, text: await registry.metrics() };
}
