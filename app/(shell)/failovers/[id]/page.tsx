import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { requireRole } from '@/lib/auth/require-role';
import { signInPath } from '@/lib/auth/sign-in-path';
import { getConfig } from '@/lib/config/get-config';
import { readChangeRequest } from '@/lib/db/approvals/read-change-request';
import { getDb } from '@/lib/db/client';
import { countQuorum } from '@/lib/domain/approval-rules';
import { pageFor } from '@/lib/domain/page-access';
import { hasAnyRole } from '@/lib/domain/roles';
import { schedulePlan } from '@/lib/domain/schedule-plan';
import { REQUEST_ROLES } from '../change-action-deps';
import { describeChange, describeDataLoss, shownState } from '../change-copy';
import type { ChangeFacts } from '../change-facts';
import { ChangeStateBadge } from '../change-state-badge';
import { BreakGlassForm } from './break-glass-form';
import { DecisionPanel } from './decision-panel';
import { DecisionsList } from './decisions-list';
import { DigestBox } from './digest-box';
import { PlanSteps } from './plan-steps';
import { PreflightPanel } from './preflight-panel';
import { RequestSummary } from './request-summary';
import { RequesterActions } from './requester-actions';
import { TransitionsList } from './transitions-list';
import { YourDecision } from './your-decision';

export const metadata: Metadata = { title: 'Change request' };
export const dynamic = 'force-dynamic';
const page = pageFor('/failovers');

/** One request: its plan and pre-flight, the digest approvers bind to, every decision and transition, and what you may do. */
export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const here = `/failovers/${id}`;
  const session = await requireRole(page.roles, here);
  const request = await readChangeRequest(await getDb(), id);
  if (!request) notFound();
  const policy = getConfig().approvals;
  const now = new Date();
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
            <DigestBox digest={request.planDigest} />
            <DecisionsList decisions={request.decisions} planDigest={request.planDigest} approversRequired={request.approversRequired} now={now} />
            <TransitionsList transitions={request.transitions} />
          </div>
        </div>
      </div>
    </>
  );
}
