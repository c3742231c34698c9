import type { Db } from '@/lib/db/client';
import type { Preflight, PreflightFinding } from '@/lib/db/approvals/change-request-record';
import type { ChangeKind } from '@/lib/domain/change-plan';
import type { Readiness } from '@/lib/domain/readiness-types';
import { readBoardState } from '@/lib/status/read-board-state';

/** The data loss a change of this kind should expect, and the finding that says so. */
function expectedLoss(kind: ChangeKind, readiness: Readiness): { seconds: number | null; finding: PreflightFinding } {
  if (kind === 'storage-failover') {
    // An account failover loses what Blob had not geo-replicated yet: the Last Sync Time is the estimate.
    const blob = readiness.rpo.dataSets.find((set) => set.dataSet === 'blob');
    const seconds = blob?.rpoSeconds ?? null;
    return seconds === null
      ? { seconds, finding: { severity: 'warning', text: `Expected data loss unknown: ${blob?.basis || 'Blob geo-replication has not been probed'}.` } }
      : { seconds, finding: { severity: 'info', text: `Expected data loss: Blob writes of about the last ${Math.max(1, Math.round(seconds / 60))} min (${blob?.basis ?? ''}).` } };
  }
  // Failing back, the plan first copies what the secondary holds back to the primary: the standby's lag is not a loss then.
  if (kind === 'failback') {
    return { seconds: null, finding: { severity: 'info', text: 'Expected data loss: none if the plan runs through: data written in the secondary is snapshotted and restored into the primary before traffic moves.' } };
  }
  const seconds = readiness.rpo.worst?.rpoSeconds ?? null;
  return seconds === null
    ? { seconds, finding: { severity: 'warning', text: 'Expected data loss unknown: no snapshot has been restored into the secondary yet.' } }
    : { seconds, finding: { severity: 'info', text: `Expected data loss: about ${Math.round(seconds / 60)} min (${readiness.rpo.worst?.label ?? ''}: ${readiness.rpo.worst?.basis ?? ''}).` } };
}

/** What approvers should know before a change: readiness, expected data loss, where traffic is, open alerts. */
export async function readPreflight(db: Db, kind: ChangeKind, now = new Date()): Promise<Preflight> {
  const board = await readBoardState(db, now);
  const { readiness } = board;
  const findings: PreflightFinding[] = readiness.reasons.map((reason) => ({ severity: reason.severity, text: reason.message }));
  const serving = readiness.servingRegion;
  const servingName = serving ? board.config.regions[serving].name : null;
  if (kind === 'failover' && serving === 'secondary') findings.unshift({ severity: 'blocker', text: `Traffic is already served from the secondary (${servingName}).` });
  if (kind === 'failback' && serving === 'primary') findings.unshift({ severity: 'blocker', text: `Traffic is already served from the primary (${servingName}).` });
  const loss = expectedLoss(kind, readiness);
  findings.push(loss.finding);
  if (readiness.stale) findings.push({ severity: 'warning', text: 'The newest probe results are stale: the worker may not be running.' });
  return {
    at: now.toISOString(),
    findings,
    expectedDataLossSeconds: loss.seconds,
    readiness: readiness.verdict,
    servingRegion: servingName,
    openAlerts: board.alerts.firing.map((alert) => `${alert.severity} ${alert.title}`),
  };
}
