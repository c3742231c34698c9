import type { Db } from '@/lib/db/client';
import type { Preflight, PreflightFinding } from '@/lib/db/approvals/change-request-record';
import type { ChangeKind } from '@/lib/domain/change-plan';
import { readBoardState } from '@/lib/status/read-board-state';

/** What approvers should know before a change: readiness, expected data loss, where traffic is, open alerts. */
export async function readPreflight(db: Db, kind: ChangeKind, now = new Date()): Promise<Preflight> {
  const board = await readBoardState(db, now);
  const { readiness } = board;
  const findings: PreflightFinding[] = readiness.reasons.map((reason) => ({ severity: reason.severity, text: reason.message }));
  const serving = readiness.servingRegion;
  const servingName = serving ? board.config.regions[serving].name : null;
  if (kind === 'failover' && serving === 'secondary') findings.unshift({ severity: 'blocker', text: `Traffic is already served from the secondary (${servingName}).` });
  if (kind === 'failback' && serving === 'primary') findings.unshift({ severity: 'blocker', text: `Traffic is already served from the primary (${servingName}).` });
  // Failing back, the plan first copies what the secondary holds back to the primary: the standby's lag is not a loss then.
  const loss = kind === 'failback' ? null : (readiness.rpo.worst?.rpoSeconds ?? null);
  findings.push(
    kind === 'failback'
      ? { severity: 'info', text: 'Expected data loss: none if the plan runs through: data written in the secondary is snapshotted and restored into the primary before traffic moves.' }
      : loss === null
      ? { severity: 'warning', text: 'Expected data loss unknown: no snapshot has been restored into the secondary yet.' }
      : { severity: 'info', text: `Expected data loss: about ${Math.round(loss / 60)} min (${readiness.rpo.worst?.label ?? ''}: ${readiness.rpo.worst?.basis ?? ''}).` },
  );
  if (readiness.stale) findings.push({ severity: 'warning', text: 'The newest probe results are stale: the worker may not be running.' });
  return {
    at: now.toISOString(),
    findings,
    expectedDataLossSeconds: loss,
    readiness: readiness.verdict,
    servingRegion: servingName,
    openAlerts: board.alerts.firing.map((alert) => `${alert.severity} ${alert.title}`),
  };
}
