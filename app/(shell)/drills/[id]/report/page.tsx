import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { readDrillReport } from '@/lib/drill-report/read-drill-report';
import { ComparisonChart } from './comparison-chart';
import { ComparisonTable } from './comparison-table';
import { FollowUpsPanel } from './follow-ups-panel';
import { LessonsPanel } from './lessons-panel';
import { REPORT_EDIT_ROLES } from './report-action-deps';
import { ReportCriteria } from './report-criteria';
import { DrillId } from '../../drill-inputs';
import { ReportMeasured } from './report-measured';
import { ReportParticipants } from './report-participants';
import { ReportPrintStyle } from './report-print-style';
import { ReportSection } from './report-section';
import { ReportSummary } from './report-summary';
import { ReportTimeline } from './report-timeline';
import { ReportToolbar } from './report-toolbar';
import { DrillResultBadge } from '@/app/_components/drill-result-badge';

export const metadata: Metadata = { title: 'Drill report' };
export const dynamic = 'force-dynamic';
const page = pageFor('/drills');

/** A drill's report for architects: what ran and when, measured against the objectives, judged, discussed and compared. Prints without navigation. */
export default async function DrillReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireRole(page.roles, `/drills/${id}/report`);
  if (!DrillId.safeParse(id).success) notFound();
  const { objectives } = getConfig();
  const report = await readDrillReport(await getDb(), id, objectives);
  if (!report) notFound();
  const canEdit = hasAnyRole(session.roles, REPORT_EDIT_ROLES);
  const { run } = report;

  return (
    <div data-report className="space-y-6">
      <ReportPrintStyle />
      <PageHeader title={`Drill report: ${report.drill.title}`} purpose="Timeline, measured RTO and RPO against the objectives, the success criteria, people, lessons and follow-ups, and earlier drills">
        <div className="flex flex-col items-end gap-2">
          <DrillResultBadge result={report.result} testId="report-result" />
          <ReportToolbar drillId={report.drill.id} />
          <Link href={`/drills/${report.drill.id}`} data-print-hidden className="text-sm text-sky-300 underline-offset-2 hover:underline">
            Back to the drill
          </Link>
        </div>
      </PageHeader>

      <ReportSection id="summary" title="Summary">
        <ReportSummary report={report} />
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">Measured RTO and RPO</h3>
        {run ? <ReportMeasured run={run} /> : <p className="text-sm text-slate-400">Not measured: the drill has not run yet.</p>}
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">Success criteria</h3>
        <ReportCriteria criteria={report.criteria} />
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">Participants</h3>
        <ReportParticipants participants={report.participants} />
      </ReportSection>

      <ReportSection id="timeline" title="Timeline">
        <ReportTimeline timeline={report.timeline} />
      </ReportSection>

      <ReportSection id="lessons" title="Lessons learned and follow-up actions">
        <LessonsPanel drillId={report.drill.id} lessons={report.lessonsLearned} canEdit={canEdit} />
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-400">Follow-up actions</h3>
        <FollowUpsPanel drillId={report.drill.id} followUps={report.followUps} canEdit={canEdit} />
      </ReportSection>

      <ReportSection id="comparison" title="Compared with earlier drills">
        {report.comparison.length === 0 ? (
          <p className="text-sm text-slate-400">No drill has run yet: nothing to compare.</p>
        ) : (
          <>
            <ComparisonChart points={report.comparison} rtoObjectiveSeconds={objectives.rtoMinutes * 60} rpoObjectiveSeconds={objectives.rpoMinutes * 60} />
            <ComparisonTable points={report.comparison} />
          </>
        )}
      </ReportSection>
    </div>
  );
}
