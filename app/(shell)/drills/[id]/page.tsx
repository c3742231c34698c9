import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { getDb } from '@/lib/db/client';
import { readDrill } from '@/lib/db/drills/read-drill';
import { evaluateDrill } from '@/lib/drills/evaluate-drill';
import { drillRequestOpensAt, isDrillRequestOpen } from '@/lib/domain/drill-request-window';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { REQUEST_RUN_ROLES, SCHEDULE_ROLES } from '../drill-action-deps';
import { describeVerdict, measured, verdictClass } from '../drill-copy';
import { DrillId } from '../drill-inputs';
import { CancelDrillButton, ConfirmParticipationForm, RequestRunButton } from './drill-actions';
import { formatUtc } from '@/lib/domain/format-utc';

export const metadata: Metadata = { title: 'Drill' };
export const dynamic = 'force-dynamic';
const page = pageFor('/drills');

const mark = (passed: boolean | null) => (passed === true ? '✓ passed' : passed === false ? '✗ failed' : '… open');

/** One drill: its facts, participants and their confirmations, the success criteria judged live, and what you may do. */
export default async function DrillPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireRole(page.roles, `/drills/${id}`);
  if (!DrillId.safeParse(id).success) notFound();
  const db = await getDb();
  const drill = await readDrill(db, id);
  if (!drill) notFound();
  const { objectives } = getConfig();
  const verdict = evaluateDrill(drill, objectives);
  const me = drill.participants.find((p) => p.userId === session.userId);
  const finished = drill.state === 'ran' || drill.request?.state === 'done' || drill.request?.state === 'failed';
  const canRequest = drill.state === 'scheduled' && hasAnyRole(session.roles, REQUEST_RUN_ROLES);
  const requestOpensAt = drillRequestOpensAt(drill.scheduledFor);
  const requestOpen = isDrillRequestOpen(drill.scheduledFor, new Date());
  const canCancel = drill.state === 'scheduled' && hasAnyRole(session.roles, SCHEDULE_ROLES);
  const canConfirm = finished && me !== undefined && me.confirmedAt === null;

  return (
    <>
      <PageHeader title={drill.title} purpose="A DR drill: scheduled, run as a drill request through two approvals, judged on measured data">
        <div className="flex items-center gap-3">
          <span data-testid="drill-state" className="rounded-md border border-slate-700 px-2 py-1 text-sm uppercase">
            {drill.state}
          </span>
          <Link href="/drills" className="rounded-md border border-slate-700 px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800">
            All drills
          </Link>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="facts-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
            <h2 id="facts-heading" className="text-lg font-semibold">Facts</h2>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-400">Scheduled for</dt>
              <dd data-testid="drill-scheduled-for">{formatUtc(drill.scheduledFor)}</dd>
              <dt className="text-slate-400">Environment</dt>
              <dd data-testid="drill-environment">{drill.environment === 'lab' ? 'lab (the region-down fault)' : `${drill.environment} (primary origin disabled through Front Door)`}</dd>
              <dt className="text-slate-400">Scheduled by</dt>
              <dd>{drill.createdByName}</dd>
              <dt className="text-slate-400">Reminder</dt>
              <dd>{drill.reminderSentAt ? `sent ${formatUtc(drill.reminderSentAt)}` : 'sent a day before'}</dd>
              <dt className="text-slate-400">Request</dt>
              <dd>
                {drill.request ? (
                  <Link data-testid="drill-request-link" href={`/failovers/${drill.request.id}`} className="text-sky-300 hover:underline">
                    the drill request ({drill.request.state}): approvals and the live run
                  </Link>
                ) : (
                  'not requested yet'
                )}
              </dd>
              <dt className="text-slate-400">Measured</dt>
              <dd>
                RTO <span data-testid="drill-rto">{measured(drill.run?.rtoSeconds)}</span> · RPO <span data-testid="drill-rpo">{measured(drill.run?.rpoSeconds)}</span> (objectives {objectives.rtoMinutes} / {objectives.rpoMinutes} min, from the simulated failure)
              </dd>
              <dt className="text-slate-400">Report</dt>
              <dd>
                <Link data-testid="drill-report-link" href={`/drills/${drill.id}/report`} className="text-sky-300 hover:underline">
                  the drill report
                </Link>
              </dd>
            </dl>
          </section>
          <section aria-labelledby="criteria-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
            <h2 id="criteria-heading" className="text-lg font-semibold">
              Success criteria: <span data-testid="drill-result" className={verdictClass(verdict)}>{describeVerdict(verdict)}</span>
            </h2>
            <ul className="mt-2 space-y-2 text-sm">
              {verdict.criteria.map((criterion) => (
                <li key={criterion.id} data-testid="drill-criterion" data-criterion={criterion.id} data-passed={String(criterion.passed)}>
                  <span className="font-medium">{mark(criterion.passed)}</span> {criterion.label}
                  <span className="block text-slate-400">{criterion.evidence}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className="flex flex-col gap-6">
          {(canRequest || canCancel || canConfirm) && (
            <section aria-labelledby="actions-heading" className="space-y-4 rounded-lg border border-slate-800 bg-slate-900 p-4">
              <h2 id="actions-heading" className="text-lg font-semibold">What you can do</h2>
              {canRequest && <RequestRunButton drillId={drill.id} open={requestOpen} opensAt={formatUtc(requestOpensAt)} />}
              {canConfirm && <ConfirmParticipationForm drillId={drill.id} />}
              {canCancel && <CancelDrillButton drillId={drill.id} />}
            </section>
          )}
          <section aria-labelledby="participants-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
            <h2 id="participants-heading" className="text-lg font-semibold">Participants</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {drill.participants.map((p) => (
                <li key={p.userId} data-testid="participant-row" data-user-id={p.userId} data-confirmed={p.confirmedAt ? 'true' : 'false'}>
                  <span className="font-medium">{p.userName}</span> <span className="text-slate-400">({p.role})</span>:{' '}
                  {p.confirmedAt ? `confirmed ${formatUtc(p.confirmedAt)}${p.comment ? `: ${p.comment}` : ''}` : finished ? 'not confirmed yet' : 'confirms after the run'}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
