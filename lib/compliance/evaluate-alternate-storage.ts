import { describeDuration } from '@/lib/domain/describe-duration';
import { probesOf } from '@/lib/domain/probes-of';
import { backupAgeEvidence } from './backup-age-evidence';
import { combineEvidence } from './combine-evidence';
import type { ComplianceFacts, ControlResult, EvidenceItem } from './compliance-facts';
import { staleProbeNote } from './probe-freshness';

const CONTROL = { id: 'CP-6', title: 'Alternate storage site', requirement: 'Backups are stored at a site separate from the primary, with the same safeguards, and can be retrieved within the RPO.' } as const;

function geoReplication(facts: ComplianceFacts): EvidenceItem {
  const base = { id: 'blob-geo-replication', label: `Blob geo-replication (${facts.storageAccount})`, href: '/components/blob' };
  const probe = probesOf(facts.latest, 'blob', 'global')[0];
  if (!probe) return { ...base, status: 'unknown', detail: 'no Blob probe recorded yet', observedAt: null };
  const observedAt = probe.at.toISOString();
  const stale = staleProbeNote(probe, facts.now, facts.probeIntervalSeconds);
  if (stale) return { ...base, status: 'unknown', detail: stale, observedAt };
  if (!probe.ok || !probe.metrics) return { ...base, status: 'fail', detail: `probe failed: ${probe.error ?? 'no reason recorded'}`, observedAt };
  const { geoStatus, lastSyncTime, lagSeconds } = probe.metrics;
  if (geoStatus === 'unavailable') return { ...base, status: 'fail', detail: 'geo-replication unavailable: the secondary copy is not being updated', observedAt };
  if (geoStatus === 'bootstrap') return { ...base, status: 'fail', detail: 'geo-replication bootstrapping: the secondary copy is still being seeded', observedAt };
  const limit = facts.objectives.rpoMinutes * 60;
  if (lagSeconds !== null && lagSeconds > limit) return { ...base, status: 'fail', detail: `live, but the secondary is ${describeDuration(lagSeconds)} behind (last sync ${lastSyncTime ?? 'unknown'}), beyond the RPO objective of ${facts.objectives.rpoMinutes} min`, observedAt };
  return { ...base, status: 'pass', detail: `live, secondary ${lagSeconds === null ? 'lag unknown' : `${describeDuration(lagSeconds)} behind`} (last sync ${lastSyncTime ?? 'unknown'}), within the RPO objective of ${facts.objectives.rpoMinutes} min`, observedAt };
}

/** CP-6: Blob (GRS) replicates to the paired region, and every data set has a verified copy there within the RPO. */
export function evaluateAlternateStorage(facts: ComplianceFacts): ControlResult {
  return combineEvidence(CONTROL, [geoReplication(facts), ...facts.backups.map((backup) => backupAgeEvidence(backup, facts.now, facts.objectives.rpoMinutes, 'stored-copy'))]);
}
