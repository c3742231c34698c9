import { describeDuration } from '@/lib/domain/describe-duration';
import type { EvidenceStatus } from './compliance-facts';
import type { EvidencePack } from './evidence-pack';

const STATUS: Record<EvidenceStatus, string> = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN' };

/** Table cells hold recorded text (error messages, titles): pipes, line breaks and HTML must not change the table. */
export function markdownCell(value: string | number | null): string {
  if (value === null) return '—';
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

const row = (cells: (string | number | null)[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
const table = (header: string[], rows: (string | number | null)[][], empty: string) =>
  rows.length === 0 ? [`_${empty}_`] : [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)];
const seconds = (value: number | null) => (value === null ? null : `${describeDuration(value)} (${value} s)`);

/** The pack as a Markdown report for people; the JSON pack is the machine-readable twin with the same facts. */
export function renderEvidenceMarkdown(pack: EvidencePack): string {
  const { system, period, audit } = pack;
  const lines = [
    `# DR compliance evidence: ${markdownCell(system.name)}`,
    '',
    `- Period: ${period.from} to ${period.to} (UTC, end exclusive)`,
    `- Generated: ${pack.generatedAt} by ${markdownCell(pack.generatedBy.name)} (${markdownCell(pack.generatedBy.userId)})`,
    `- Deployment: ${system.deploymentModel} standby, primary ${system.primaryRegion}, secondary ${system.secondaryRegion}`,
    `- Objectives: RPO ${system.objectives.rpoMinutes} min, RTO ${system.objectives.rtoMinutes} min`,
    '',
    '## NIST 800-53 controls (live evidence at generation time)',
  ];
  for (const control of pack.controls) {
    lines.push('', `### ${control.id} ${control.title}: ${STATUS[control.status]}`, '', markdownCell(control.requirement), '', `Summary: ${markdownCell(control.summary)}`, '');
    lines.push(...table(['Evidence', 'Status', 'Detail', 'Observed'], control.evidence.map((item) => [item.label, STATUS[item.status], item.detail, item.observedAt]), 'no evidence'));
  }
  lines.push('', '## Drills in the period', '');
  lines.push(...table(['Drill', 'Scheduled', 'Run', 'RTO', 'RPO', 'Result'], pack.drills.map((d) => [d.title, d.scheduledFor, d.run?.state ?? 'not run', seconds(d.run?.rtoSeconds ?? null), seconds(d.run?.rpoSeconds ?? null), d.result.toUpperCase()]), 'no drill in the period'));
  for (const drill of pack.drills.filter((d) => d.criteria.length > 0)) {
    lines.push('', `Criteria of ${markdownCell(drill.title)}:`, '');
    lines.push(...table(['Criterion', 'Passed', 'Evidence'], drill.criteria.map((c) => [c.label, c.passed === null ? 'open' : c.passed ? 'yes' : 'no', c.evidence]), 'none'));
  }
  lines.push('', '## Failovers and failbacks in the period', '');
  lines.push(...table(['Started', 'Kind', 'State', 'RTO', 'RPO', 'Request'], pack.failovers.map((f) => [f.startedAt, f.kind, f.state, seconds(f.rtoSeconds), seconds(f.rpoSeconds), f.requestId]), 'no failover or failback in the period'));
  lines.push('', '## Replication runs in the period', '', `${pack.replication.totalRuns} runs.`, '');
  lines.push(...table(['Job', 'Runs', 'Succeeded', 'Failed', 'Running'], pack.replication.jobs.map((j) => [j.job, j.runs, j.succeeded, j.failed, j.running]), 'no replication run in the period'));
  const chain = audit.chain.ok ? `intact (${audit.chain.checkedEvents} events verified at ${audit.chain.verifiedAt})` : `BROKEN at event ${audit.chain.firstBreak?.seq ?? '?'}: ${markdownCell(audit.chain.firstBreak?.detail ?? audit.chain.firstBreak?.reason ?? 'unknown')}`;
  lines.push('', '## Audit log', '', `- Events in the period: ${audit.eventsInPeriod}`, `- Hash chain: ${chain}`, `- This export is audit event ${audit.exportEvent.seq} (hash ${audit.exportEvent.hash})`, '');
  return lines.join('\n');
}
