import { describeDuration } from '@/lib/domain/describe-duration';
import { measureAge } from '@/lib/domain/measure-age';
import type { DataSetBackup, EvidenceItem } from './compliance-facts';

/** A data set's newest verified copy in Blob: how much data a loss of the primary would cost now, against the RPO. */
export function backupAgeEvidence(backup: DataSetBackup, now: Date, rpoMinutes: number, idPrefix: string): EvidenceItem {
  const base = { id: `${idPrefix}:${backup.dataSet}`, label: `Newest verified backup: ${backup.label}`, href: '/replication' };
  if (!backup.newest) return { ...base, status: 'fail', detail: `no verified backup in Blob (RPO objective ${rpoMinutes} min)`, observedAt: null };
  const age = measureAge(backup.newest.takenAt, now);
  const within = age.seconds <= rpoMinutes * 60;
  return {
    ...base,
    status: within ? 'pass' : 'fail',
    detail: `${backup.newest.detail}; data from ${backup.newest.takenAt.toISOString()}, ${describeDuration(age.seconds)} old, ${within ? 'within' : 'beyond'} the RPO objective of ${rpoMinutes} min`,
    observedAt: backup.newest.finishedAt.toISOString(),
  };
}
