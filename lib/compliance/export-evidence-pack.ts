import { cachedAuditVerdict } from '@/lib/audit/cached-audit-verdict';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Session } from '@/lib/auth/session';
import type { LifeboatConfig } from '@/lib/config/schema';
import type { Db } from '@/lib/db/client';
import { countAuditEventsBetween } from '@/lib/db/compliance/count-audit-events-between';
import { summarizeReplicationRuns } from '@/lib/db/compliance/summarize-replication-runs';
import { listDrillsWithRuns } from '@/lib/db/metrics/list-drills-with-runs';
import { listRecoveryRuns } from '@/lib/db/metrics/list-recovery-runs';
import { buildEvidencePack } from './build-evidence-pack';
import type { EvidencePack } from './evidence-pack';
import type { EvidenceQuery } from './evidence-query';
import { readComplianceControls } from './read-compliance-controls';

/**
 * Audits the export first (`compliance.evidence-export`), then reads: the pack names its own audit
 * event, and the period's event count includes it when the period reaches now.
 */
export async function exportEvidencePack(db: Db, config: LifeboatConfig, session: Session, query: EvidenceQuery): Promise<EvidencePack> {
  const period = { from: query.from, to: query.to };
  const exportEvent = await recordAuditEvent({
    actor: { id: session.userId, name: session.name, roles: session.roles },
    action: 'compliance.evidence-export',
    target: { type: 'compliance-evidence', id: query.format },
    outcome: 'success',
    payload: { format: query.format, from: period.from.toISOString(), to: period.to.toISOString() },
  });
  const now = new Date();
  const drillsRead = listDrillsWithRuns(db);
  const [controls, drills, runs, replication, auditEventsInPeriod, verdict] = await Promise.all([
    readComplianceControls(db, config, now, drillsRead),
    drillsRead,
    listRecoveryRuns(db, period),
    summarizeReplicationRuns(db, period),
    countAuditEventsBetween(db, period),
    cachedAuditVerdict(db),
  ]);
  return buildEvidencePack({
    now,
    generatedBy: { userId: session.userId, name: session.name, roles: [...session.roles] },
    period,
    system: { name: config.name, deploymentModel: config.deploymentModel, primaryRegion: config.regions.primary.name, secondaryRegion: config.regions.secondary.name, objectives: config.objectives },
    controls,
    drills,
    runs,
    replication,
    auditEventsInPeriod,
    chain: { ok: verdict.verdict.ok, checked: verdict.verdict.checked, firstBreak: verdict.verdict.ok ? null : verdict.verdict.firstBreak, verifiedAt: verdict.wholeChainVerifiedAt },
    exportEvent,
  });
}
