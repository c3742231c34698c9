import { describe, expect, it } from 'vitest';
import { buildDrillReport } from './build-drill-report';
import { renderDrillReportPdf } from './render-drill-report-pdf';
import { DRILL_ID, drillFacts } from './testing/drill-report-facts-fixture';
import { pdfText } from './testing/pdf-text';

const report = buildDrillReport(drillFacts(), { rtoMinutes: 240, rpoMinutes: 15 }, new Date('2026-11-21T00:00:00Z'));

describe('renderDrillReportPdf', () => {
  it('is a PDF whose text holds the drill, its measurements against the objectives, criteria, people, lessons, follow-ups, timeline and comparison', async () => {
    const pdf = await renderDrillReportPdf(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      `Drill ${DRILL_ID}`,
      'Drill report: Q4 drill',
      'Measured RTO: 10 min (630 s), objective 4 h: within',
      'Measured RPO: 5 min (300 s), objective 15 min: within',
      'PASS  Secondary operational within the RTO objective',
      'measured 10 min (630 s), within the objective 240 min',
      'Omar Operator (Operator): confirmed 2026-11-20 02:16:40 UTC - "followed the runbook"',
      'Scaling AKS took longest.',
      '[ ] Pre-scale the standby pool - owner Ada Architect, due 2026-12-15',
      'switch - Step switch [switch-route]: succeeded, T+ 20s (2026-11-20 02:00:20 UTC), took 3m 00s, 3 attempt(s)',
      '2026-05-20 Drill of 2026-05-20: RTO 5 h 33 min, RPO 2 min, Failed',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints characters the standard fonts lack as ? and wraps long lessons across pages', async () => {
    const long = { ...report, lessonsLearned: `Failover → standby ✓. ${'Every step was slower than planned. '.repeat(300)}` };
    const pdf = await renderDrillReportPdf(long);
    const text = pdfText(pdf);
    expect(text).toContain('Failover ? standby ?.');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });
});
