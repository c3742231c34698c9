import { describeDuration } from '@/lib/domain/describe-duration';
import { probesOf } from '@/lib/domain/probes-of';
import { combineEvidence } from './combine-evidence';
import type { ComplianceFacts, ControlResult, EvidenceItem } from './compliance-facts';
import { staleProbeNote } from './probe-freshness';

const CONTROL = { id: 'CP-7', title: 'Alternate processing site', requirement: 'A secondary site can take over processing within the RTO, with the capacity it needs ready.' } as const;

function configuration({ regions, deploymentModel, secondaryAks }: ComplianceFacts): EvidenceItem {
  return {
    id: 'secondary-configuration',
    label: `Secondary site: ${regions.secondary.label} (${regions.secondary.name})`,
    status: 'pass',
    detail: `${deploymentModel} standby for ${regions.primary.label}; AKS ${secondaryAks.cluster}/${secondaryAks.nodePool} keeps ${secondaryAks.standbyNodeCount} node(s) on standby and scales to ${secondaryAks.productionNodeCount} on failover`,
    observedAt: null,
    href: null,
  };
}

function secondaryAks(facts: ComplianceFacts): EvidenceItem {
  const base = { id: 'secondary-aks', label: 'Secondary AKS node pool', href: '/components/aks' };
  const probe = probesOf(facts.latest, 'aks', 'secondary')[0];
  if (!probe) return { ...base, status: 'unknown', detail: 'no probe of the secondary cluster recorded yet', observedAt: null };
  const observedAt = probe.at.toISOString();
  const stale = staleProbeNote(probe, facts.now, facts.probeIntervalSeconds);
  if (stale) return { ...base, status: 'unknown', detail: stale, observedAt };
  if (!probe.ok || !probe.metrics) return { ...base, status: 'fail', detail: `probe failed: ${probe.error ?? 'no reason recorded'}`, observedAt };
  const { powerState, provisioningState, nodeCount } = probe.metrics;
  const standby = facts.secondaryAks.standbyNodeCount;
  const observed = `${powerState}, provisioning ${provisioningState}, ${nodeCount} node(s) (standby size ${standby})`;
  const ok = powerState === 'Running' && provisioningState !== 'Failed' && nodeCount >= standby;
  return { ...base, status: ok ? 'pass' : 'fail', detail: ok ? observed : `not ready: ${observed}`, observedAt };
}

function secondaryHealth(facts: ComplianceFacts): EvidenceItem {
  const base = { id: 'secondary-health', label: `Newest probes of ${facts.regions.secondary.label}`, href: '/' };
  const probes = facts.latest.filter((probe) => probe.region === 'secondary');
  if (probes.length === 0) return { ...base, status: 'unknown', detail: 'no probe of the secondary region recorded yet', observedAt: null };
  const newest = probes.reduce((best, probe) => (probe.at > best.at ? probe : best));
  const observedAt = newest.at.toISOString();
  const stale = staleProbeNote(newest, facts.now, facts.probeIntervalSeconds);
  if (stale) return { ...base, status: 'unknown', detail: stale, observedAt };
  const failing = probes.filter((probe) => !probe.ok || !probe.metrics || (probe.component === 'app' && (probe.metrics as { status?: string }).status === 'unavailable'));
  const name = (probe: (typeof probes)[number]) => `${probe.component}${probe.target === '-' ? '' : ` ${probe.target}`}`;
  if (failing.length > 0) return { ...base, status: 'fail', detail: `failing: ${failing.map((probe) => `${name(probe)} (${probe.error ?? 'unavailable'})`).join('; ')}`, observedAt };
  return { ...base, status: 'pass', detail: `all ${probes.length} healthy: ${probes.map(name).join(', ')}`, observedAt };
}

function measuredRto({ newestDrill, objectives }: ComplianceFacts): EvidenceItem {
  const base = { id: 'drill-rto', label: 'Standby RTO measured in the newest drill' };
  if (!newestDrill) return { ...base, status: 'unknown', detail: `no drill has run (RTO objective ${objectives.rtoMinutes} min)`, observedAt: null, href: '/drills' };
  const href = `/drills/${newestDrill.id}`;
  const observedAt = newestDrill.ranAt.toISOString();
  const rto = newestDrill.run.rtoSeconds;
  if (rto === null) return { ...base, status: 'unknown', detail: `${newestDrill.title} measured no RTO (its run ${newestDrill.run.state}); objective ${objectives.rtoMinutes} min`, observedAt, href };
  const within = rto <= objectives.rtoMinutes * 60;
  return { ...base, status: within ? 'pass' : 'fail', detail: `${newestDrill.title}: ${describeDuration(rto)} (${rto} s), ${within ? 'within' : 'beyond'} the RTO objective of ${objectives.rtoMinutes} min`, observedAt, href };
}

/** CP-7: the secondary region is configured, running at standby size, healthy now, and measured to take over within the RTO. */
export function evaluateAlternateProcessing(facts: ComplianceFacts): ControlResult {
  return combineEvidence(CONTROL, [configuration(facts), secondaryAks(facts), secondaryHealth(facts), measuredRto(facts)]);
}
