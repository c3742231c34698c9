import PDFDocument from 'pdfkit';
import { describeDuration } from '@/lib/domain/describe-duration';
import { describeOffset } from '@/lib/domain/describe-offset';
import { describeCriterionOutcome, describeMeasured, describeUtc, RESULT_WORDS } from './describe-report-values';
import type { DrillReport } from './drill-report';

type Doc = InstanceType<typeof PDFDocument>;

// The standard PDF fonts only know WinAnsi (Latin-1 and a few more): anything else prints as '?' instead of garbage.
const printable = (text: string) => text.replace(/[^\t\n\r\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/gu, '?');

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(printable(text)).moveDown(0.3).font('Helvetica').fontSize(10);
}

function line(doc: Doc, text: string, options: { bold?: boolean; indent?: number } = {}): void {
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').text(printable(text), { indent: options.indent ?? 0 });
}

function facts(doc: Doc, report: DrillReport): void {
  const { drill, request, run } = report;
  line(doc, `Drill ${drill.id}`);
  line(doc, `Environment: ${drill.environment} · scheduled for ${describeUtc(drill.scheduledFor)} · state: ${drill.state} · result: ${RESULT_WORDS[report.result]}`);
  if (request) line(doc, `Request ${request.id} (${request.kind}, ${request.state}) by ${request.requestedByName}; approved by ${request.approvers.join(', ') || 'nobody'} (${request.approversRequired} required)`);
  else line(doc, 'No change request yet.');
  if (run) line(doc, `Run ${run.id}: ${run.state}, started ${describeUtc(run.startedAt)}, finished ${describeUtc(run.finishedAt)}${run.error ? `; error: ${run.error}` : ''}`);
  else line(doc, 'The drill has not run yet.');
}

function measured(doc: Doc, run: NonNullable<DrillReport['run']>): void {
  line(doc, `Measured RTO: ${describeMeasured(run.rtoSeconds, run.rtoObjectiveSeconds)}`, { bold: true });
  line(doc, `Measured RPO: ${describeMeasured(run.rpoSeconds, run.rpoObjectiveSeconds)}`, { bold: true });
  line(doc, `Declared ${describeUtc(run.declaredAt)} · primary failed ${describeUtc(run.failureAt)} · serving again ${describeUtc(run.servingAt)} · data as of ${describeUtc(run.dataAsOf)}`);
}

function timeline(doc: Doc, report: DrillReport): void {
  if (report.timeline.length === 0) return line(doc, 'No step has run.');
  for (const step of report.timeline) {
    const when = step.offsetSeconds === null ? 'not started' : `T+ ${describeOffset(step.offsetSeconds)} (${describeUtc(step.startedAt)})`;
    const took = step.durationSeconds === null ? '' : `, took ${describeOffset(step.durationSeconds)}`;
    line(doc, `${step.stepId} - ${step.title} [${step.action}]: ${step.state}, ${when}${took}, ${step.attempt} attempt(s)`);
    if (step.error) line(doc, `error: ${step.error}`, { indent: 16 });
  }
}

function comparison(doc: Doc, report: DrillReport): void {
  if (report.comparison.every((point) => point.current)) return line(doc, 'No earlier drill ran: nothing to compare with yet.');
  for (const point of report.comparison) {
    const rto = point.rtoSeconds === null ? 'not measured' : describeDuration(point.rtoSeconds);
    const rpo = point.rpoSeconds === null ? 'not measured' : describeDuration(point.rpoSeconds);
    line(doc, `${point.scheduledFor.slice(0, 10)} ${point.title}${point.current ? ' (this drill)' : ''}: RTO ${rto}, RPO ${rpo}, ${RESULT_WORDS[point.result]}`, { bold: point.current });
  }
}

function body(doc: Doc, report: DrillReport): void {
  doc.font('Helvetica-Bold').fontSize(18).text(printable(`Drill report: ${report.drill.title}`));
  doc.font('Helvetica').fontSize(9).text(`Generated ${describeUtc(report.generatedAt)} by Lifeboat`).fontSize(10).moveDown(0.5);
  facts(doc, report);
  heading(doc, 'Measured RTO and RPO against the objectives');
  if (report.run) measured(doc, report.run);
  else line(doc, 'Not measured: the drill has not run.');
  heading(doc, 'Success criteria');
  for (const c of report.criteria) {
    line(doc, `${describeCriterionOutcome(c.passed)}  ${c.label}`, { bold: true });
    line(doc, c.evidence, { indent: 16 });
  }
  heading(doc, 'Participants');
  if (report.participants.length === 0) line(doc, 'No participants recorded.');
  for (const p of report.participants) line(doc, `${p.userName} (${p.role}): ${p.confirmedAt ? `confirmed ${describeUtc(p.confirmedAt)}` : 'not confirmed'}${p.comment ? ` - "${p.comment}"` : ''}`);
  heading(doc, 'Timeline');
  timeline(doc, report);
  heading(doc, 'Lessons learned');
  line(doc, report.lessonsLearned.trim() || 'None written yet.');
  heading(doc, 'Follow-up actions');
  if (report.followUps.length === 0) line(doc, 'None yet.');
  for (const f of report.followUps) line(doc, `[${f.done ? 'x' : ' '}] ${f.text} - owner ${f.owner || 'nobody'}, due ${f.dueDate ?? 'no date'}`);
  heading(doc, 'Comparison with earlier drills');
  comparison(doc, report);
}

/**
 * The report as a PDF document. Streams are left uncompressed: the file stays small, and a
 * reader's search (or a test) finds its text without inflating anything.
 */
export function renderDrillReportPdf(report: DrillReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: false,
    info: { Title: printable(`Drill report: ${report.drill.title}`), Subject: `Drill ${report.drill.id}`, Author: 'Lifeboat', CreationDate: new Date(report.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  body(doc, report);
  doc.end();
  return done;
}
