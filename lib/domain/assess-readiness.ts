import type { DeploymentModel } from '@/lib/config/schema';
import { describeDuration } from './describe-duration';
import { estimateRto, type FailoverStep, type MeasuredRecovery } from './estimate-rto';
import { keyVaultDrift } from './key-vault-drift';
import { measureAge } from './measure-age';
import { measureRpo, type ReplicationFacts } from './measure-rpo';
import type { Component, ProbeResult } from './probe-results';
import { probesOf } from './probes-of';
import type { Readiness, Reason, Verdict } from './readiness-types';

export type ReadinessInput = {
  /** The newest result per component/region/target (lib/db `latestProbeSamples`). */
  latest: readonly ProbeResult[];
  probeIntervalSeconds: number;
  objectives: { rpoMinutes: number; rtoMinutes: number };
  deploymentModel: DeploymentModel;
  replication: ReplicationFacts;
  /** The newest measured drill or failover; null: the RTO comes from the plan's step estimates. */
  lastMeasured: MeasuredRecovery | null;
  stepEstimatesMinutes?: Partial<Record<FailoverStep, number>>;
  now: Date;
};

type RegionalComponent = Extract<Component, 'qdrant' | 'redis' | 'app' | 'aks' | 'keyvault' | 'openai'>;
const SECONDARY_COMPONENTS: readonly RegionalComponent[] = ['app', 'aks', 'qdrant', 'redis', 'keyvault', 'openai'];

/**
 * The verdict policy. NOT_READY when any blocker, else DEGRADED when any warning, else READY.
 *
 * | finding                                                                  | severity |
 * | ------------------------------------------------------------------------ | -------- |
 * | no probe result at all                                                   | blocker  |
 * | secondary app/aks/qdrant/keyvault/openai failed, missing or > 2 intervals old | blocker |
 * | secondary AKS not Running, or 0 nodes (warm, active-active)              | blocker  |
 * | secondary Redis failed/missing/old (the app runs without its cache)      | warning  |
 * | cold standby: secondary app down (cold keeps no pods running)            | warning  |
 * | a data set's RPO unknown, or over the objective                          | warning  |
 * | RTO estimate over the objective                                          | warning  |
 * | primary app down: production rests on the secondary, with nothing behind it | blocker |
 * | Front Door not probed or failed, no healthy origin, or secondary serving | warning  |
 * | Blob geo-replication not live                                            | warning  |
 * | Key Vault secrets differ between the regions                             | warning  |
 * | newest probe older than 2 intervals (stale), a sample dated in the future | warning |
 */
export function assessReadiness(input: ReadinessInput): Readiness {
  const { latest, now } = input;
  const reasons: Reason[] = [];
  const blocker = (component: Reason['component'], message: string) => reasons.push({ severity: 'blocker', component, message });
  const warning = (component: Reason['component'], message: string) => reasons.push({ severity: 'warning', component, message });
  const maxAge = 2 * input.probeIntervalSeconds;

  const newest = latest.reduce<Date | null>((max, probe) => (!max || probe.at > max ? probe.at : max), null);
  const newestAge = newest ? measureAge(newest, now) : null;
  const stale = newestAge === null || newestAge.seconds > maxAge;
  if (newestAge === null) blocker('control-plane', 'no probe results yet: the worker has not probed anything');
  else if (stale) warning('control-plane', `the newest probe is ${describeDuration(newestAge.seconds)} old (more than two ${input.probeIntervalSeconds} s intervals): is the worker running?`);
  const skewed = latest.filter((probe) => measureAge(probe.at, now).skewed);
  if (skewed.length > 0) warning('control-plane', `${skewed.length} probe result(s) dated in the future: clocks disagree; their ages count as 0`);

  /** Failure text for one region's component, or null when every target answered recently. */
  const problemOf = (component: RegionalComponent, region: 'primary' | 'secondary'): string | null => {
    const probes = probesOf(latest, component, region);
    if (probes.length === 0) return 'not probed (state unknown)';
    const failed = probes.find((probe) => !probe.ok);
    if (failed) return failed.error ?? 'probe failed';
    const old = probes.find((probe) => measureAge(probe.at, now).seconds > maxAge);
    if (old) return `last probed ${describeDuration(measureAge(old.at, now).seconds)} ago (state unknown)`;
    return null;
  };

  let secondaryFine = true;
  for (const component of SECONDARY_COMPONENTS) {
    const problem = problemOf(component, 'secondary');
    if (!problem) continue;
    secondaryFine = false;
    if (component === 'redis') warning('redis', `secondary Redis: ${problem}; the app would run without its cache`);
    else if (component === 'app' && input.deploymentModel === 'cold') warning('app', `secondary app: ${problem} (expected for a cold standby until failover scales it up)`);
    else blocker(component, `secondary ${component}: ${problem}`);
  }
  for (const aks of probesOf(latest, 'aks', 'secondary')) {
    if (!aks.ok || !aks.metrics) continue;
    if (aks.metrics.powerState !== 'Running') {
      secondaryFine = false;
      blocker('aks', `secondary AKS cluster is ${aks.metrics.powerState}`);
    } else if (aks.metrics.nodeCount === 0 && input.deploymentModel !== 'cold') {
      secondaryFine = false;
      blocker('aks', `secondary AKS pool ${aks.target} has 0 nodes (a ${input.deploymentModel} standby keeps some running)`);
    }
  }
  const primaryApp = problemOf('app', 'primary');
  // A primary outage is a disaster in progress: even with a healthy secondary there is no standby left.
  if (primaryApp) blocker('app', `primary app: ${primaryApp}; ${secondaryFine ? 'the secondary can take over, but nothing stands behind it' : 'and the secondary is not ready either'}`);

  const frontDoor = probesOf(latest, 'frontdoor', 'global')[0];
  const servingRegion = frontDoor?.ok ? (frontDoor.metrics?.servingRegion ?? null) : null;
  if (!frontDoor) warning('frontdoor', 'Front Door not probed: the serving region is unknown');
  else if (!frontDoor.ok) warning('frontdoor', `Front Door: ${frontDoor.error ?? 'probe failed'}; the serving region is unknown`);
  else if (servingRegion === null) warning('frontdoor', `Front Door has no healthy origin in ${frontDoor.metrics?.activeOriginGroup ?? 'the active group'}: users are not served`);
  else if (servingRegion === 'secondary') warning('frontdoor', 'the secondary region is serving: there is no standby behind it');

  const blob = probesOf(latest, 'blob', 'global')[0];
  if (blob?.ok && blob.metrics && blob.metrics.geoStatus !== 'live') warning('blob', `Blob geo-replication is ${blob.metrics.geoStatus}`);

  const [vaultPrimary, vaultSecondary] = [probesOf(latest, 'keyvault', 'primary')[0]?.metrics, probesOf(latest, 'keyvault', 'secondary')[0]?.metrics];
  if (vaultPrimary && vaultSecondary) {
    const drift = keyVaultDrift(vaultPrimary, vaultSecondary);
    if (drift.missingInSecondary.length > 0) warning('keyvault', `secondary Key Vault lacks ${drift.missingInSecondary.join(', ')}`);
    if (drift.versionDiffers.length > 0) warning('keyvault', `Key Vault versions differ for ${drift.versionDiffers.join(', ')}`);
  }

  const rpo = measureRpo({ latest, replication: input.replication, rpoMinutes: input.objectives.rpoMinutes, now });
  for (const set of rpo.dataSets) {
    if (set.rpoSeconds === null) warning('rpo', `${set.label}: RPO unknown (${set.basis})`);
    else if (!set.withinObjective) warning('rpo', `${set.label}: RPO ${describeDuration(set.rpoSeconds)}, over the ${describeDuration(set.objectiveSeconds)} objective`);
  }
  if (rpo.skewed.length > 0) warning('rpo', `clock skew: the newest data of ${rpo.skewed.join(', ')} is dated in the future`);

  const rto = estimateRto({ deploymentModel: input.deploymentModel, objectiveMinutes: input.objectives.rtoMinutes, lastMeasured: input.lastMeasured, stepEstimatesMinutes: input.stepEstimatesMinutes });
  if (!rto.withinObjective) warning('rto', `estimated RTO ${rto.minutes} min is over the ${rto.objectiveMinutes} min objective (${rto.basis})`);

  const verdict: Verdict = reasons.some((reason) => reason.severity === 'blocker') ? 'NOT_READY' : reasons.length > 0 ? 'DEGRADED' : 'READY';
  reasons.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocker' ? -1 : 1));
  return { verdict, reasons, rpo: { worst: rpo.worst, dataSets: rpo.dataSets }, rto, servingRegion, evaluatedAt: now.toISOString(), newestProbeAt: newest?.toISOString() ?? null, stale };
}
