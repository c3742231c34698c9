import { describeDuration } from '@/lib/domain/describe-duration';
import { measureAge } from '@/lib/domain/measure-age';
import { backupAgeEvidence } from './backup-age-evidence';
import { combineEvidence } from './combine-evidence';
import type { Attempt, ComplianceFacts, ControlResult, DataSetBackup, EvidenceItem } from './compliance-facts';

const CONTROL = { id: 'CP-9', title: 'System backup', requirement: 'Every protected data set is backed up at the frequency the RPO needs, and backups are tested for integrity and for restore.' } as const;

const failedSince = (attempt: Attempt | null, since: Date | null) => attempt !== null && attempt.state === 'failed' && (since === null || attempt.at > since);

/** The newest verified backup, unless the newest backup run failed after it: then the schedule is not being kept. */
function backupTaken(backup: DataSetBackup, facts: ComplianceFacts): EvidenceItem {
  const item = backupAgeEvidence(backup, facts.now, facts.objectives.rpoMinutes, 'backup');
  if (!failedSince(backup.newestAttempt, backup.newest?.finishedAt ?? null)) return item;
  const attempt = backup.newestAttempt!;
  return { ...item, status: 'fail', detail: `the newest backup run failed ${attempt.at.toISOString()}: ${attempt.error ?? 'no reason recorded'}; ${item.detail}` };
}

function restoreTested(backup: DataSetBackup, now: Date): EvidenceItem {
  const base = { id: `restore-test:${backup.dataSet}`, label: `Restore test: ${backup.label}`, href: '/replication' };
  if (failedSince(backup.verificationAttempt, backup.verification?.at ?? null)) {
    const attempt = backup.verificationAttempt!;
    return { ...base, status: 'fail', detail: `${backup.verificationMethod}: the newest attempt failed ${attempt.at.toISOString()}: ${attempt.error ?? 'no reason recorded'}`, observedAt: attempt.at.toISOString() };
  }
  if (!backup.verification) return { ...base, status: 'unknown', detail: `${backup.verificationMethod}: not done yet`, observedAt: null };
  const age = measureAge(backup.verification.at, now);
  return { ...base, status: 'pass', detail: `${backup.verificationMethod}: ${backup.verification.detail}, ${describeDuration(age.seconds)} ago`, observedAt: backup.verification.at.toISOString() };
}

/** CP-9: per data set, a verified (checksummed) backup recent enough for the RPO, and a restore that proved one. */
export function evaluateSystemBackup(facts: ComplianceFacts): ControlResult {
  return combineEvidence(
    CONTROL,
    facts.backups.flatMap((backup) => [backupTaken(backup, facts), restoreTested(backup, facts.now)]),
  );
}
