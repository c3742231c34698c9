import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { signInPath } from '@/lib/auth/sign-in-path';
import { getConfig } from '@/lib/config/get-config';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { getDb } from '@/lib/db/client';
import { listRunsOfRequest } from '@/lib/db/runbooks/list-runs-of-request';
import { countQuorum } from '@/lib/domain/approval-rules';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { schedulePlan } from '@/lib/domain/schedule-plan';
import { readRunView } from '@/lib/run-view/read-run-view';
import { REQUEST_ROLES, RUN_ROLES } from '../change-action-deps';
import { describeChange, describeDataLoss, shownState } from '../change-copy';
import type { ChangeFacts } from '../change-facts';
import { ChangeStateBadge } from '../change-state-badge';
import { BreakGlassForm } from './break-glass-form';
import { DecisionPanel } from './decision-panel';
import { DecisionsList } from './decisions-list';
import { DigestBox } from './digest-box';
import { DryRunButton } from './dry-run-button';
import { PlanSteps } from './plan-steps';
import { PreflightPanel } from './preflight-panel';
import { RequestSummary } from './request-summary';
import { RequesterActions } from './requester-actions';
import { RunPanel } from './run-panel';
import { RunsList } from './runs-list';
import { StartingRun } from './starting-run';
import { TransitionsList } from './transitions-list';
import { YourDecision } from './your-decision';

export const metadata: Metadata = { title: 'Change request' };
export const dynamic = 'force-dynamic';
const page = pageFor('/failovers');

/** One request: its live run (or dry run), its plan and pre-flight, the digest approvers bind to, every decision and transition, and what you may do. */
export default async function ChangeRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { run: runParam } = await searchParams;
  const here = `/failovers/${id}`;
  const session = await requireRole(page.roles, here);
  const db = await getDb();
  const request = await readChangeRequest(db, id);
  if (!request) notFound();
  const { approvals: policy, objectives } = getConfig();
  const now = new Date();
  // Show the run asked for (?run=), else the real execution, else the newest dry run; only that one with its steps.
  const runs = await listRunsOfRequest(db, request.id);
  const shownRun = runs.find((run) => run.id === runParam) ?? runs.find((run) => !run.dryRun) ?? runs[0];
  const runView = shownRun ? await readRunView(db, shownRun.id, objectives, now) : null;
  const state = shownState(request, now);
  const quorum = countQuorum(request, request.decisions, now);
  const facts: ChangeFacts = {
    id: request.id,
    kind: request.kind,
    title: describeChange(request),
    fromRegion: request.plan.fromRegion,
    toRegion: request.plan.toRegion,
    expectedDataLoss: describeDataLoss(request.preflight.expectedDataLossSeconds),
    blockers: request.preflight.findings.filter((f) => f.severity === 'blocker').length,
    warnings: request.preflight.findings.filter((f) => f.severity === 'warning').length,
    preflightAt: request.preflight.at,
    digest: request.planDigest,
    stepCount: request.plan.steps.length,
    totalMinutes: schedulePlan(request.plan.steps).totalMinutes,
  };

  const isRequester = session.userId === request.requestedById;
  const mine = request.decisions.find((d) => d.approverId === session.userId);
  const undecidedOther = state === 'pending' && !isRequester && !mine;
  const canDecide = undecidedOther && session.roles.includes('Approver');
  const canBreakGlass = undecidedOther && policy.breakGlass.enabled && session.roles.includes('Admin');
  const canManage = isRequester && hasAnyRole(session.roles, REQUEST_ROLES) && (state === 'draft' || state === 'pending' || state === 'approved');
  const signInAgeSeconds = now.getTime() / 1000 - session.authTime;
  const canRun = hasAnyRole(session.roles, RUN_ROLES);
  const canDryRun = canRun && (state === 'pending' || state === 'approved') && !runs.some((run) => !run.dryRun);
  const dryRunning = runs.some((run) => run.dryRun && run.state === 'running');
  const reauthHref = signInPath(here, { prompt: 'login', maxAge: policy.reauthMaxAgeMinutes * 60 });

  return (
    <>
      <PageHeader title={facts.title} purpose="The exact plan, what was true when it was built, the digest approvers bind to, and every decision">
        <div className="flex items-center gap-3">
          <ChangeStateBadge state={state} />
          <Link href="/failovers" className="rounded-md border border-slate-700 px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800">
            All requests
          </Link>
        </div>
      </PageHeader>
      {/* Executing, or approved with its quorum still met, without its real run yet: the worker starts it within seconds, so keep asking. */}
      {(state === 'executing' || (state === 'approved' && quorum.met)) && !runs.some((run) => !run.dryRun) && (
        <div className="mb-6">
          <StartingRun requestId={request.id} approved={state === 'approved'} />
        </div>
      )}
      {runView && (
        <div className="mb-6">
          <RunPanel key={runView.run.id} initial={runView} canAbort={canRun} />
        </div>
      )}
      {/* One column on a phone (summary, what you can do, then the plan); two from lg. `contents` lets the order apply across both. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <div className="contents lg:flex lg:flex-col lg:gap-6">
          <div className="order-1">
            <RequestSummary request={request} state={state} quorum={quorum} />
          </div>
          <div className="order-3 flex flex-col gap-6">
            <PreflightPanel preflight={request.preflight} />
            <PlanSteps plan={request.plan} />
          </div>
        </div>
        <div className="contents lg:flex lg:flex-col lg:gap-6">
          <div className="order-2 flex flex-col gap-6 empty:hidden">
            {canDryRun && <DryRunButton requestId={request.id} busy={dryRunning} />}
            {canManage && <RequesterActions facts={facts} state={state} liveApprovals={quorum.valid} approversRequired={request.approversRequired} expiryMinutes={policy.requestExpiryMinutes} />}
            {mine && <YourDecision decision={mine} state={state} quorum={quorum} />}
            {canDecide && (
              <DecisionPanel
                facts={facts}
                reauthHref={reauthHref}
                staleSignInMinutes={signInAgeSeconds > policy.reauthMaxAgeMinutes * 60 ? Math.floor(signInAgeSeconds / 60) : null}
                reauthMaxAgeMinutes={policy.reauthMaxAgeMinutes}
                approvalExpiryMinutes={policy.approvalExpiryMinutes}
              />
            )}
            {canBreakGlass && <BreakGlassForm facts={facts} approversRequired={policy.breakGlass.approversRequired} quorum={request.approversRequired} reauthHref={reauthHref} />}
          </div>
          <div className="order-4 flex flex-col gap-6">
            {runView && <RunsList runs={runs} shownId={runView.run.id} requestId={request.id} />}
            <DigestBox digest={request.planDigest} />
            <DecisionsList decisions={request.decisions} planDigest={request.planDigest} approversRequired={request.approversRequired} now={now} />
            <TransitionsList transitions={request.transitions} />
          </div>
        </div>
      </div>
    </>
  );
}
