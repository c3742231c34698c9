import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { RelativeTime } from '@/app/_components/relative-time';
import { StatusBadge } from '@/app/_components/status-badge';
import { requireRole } from '@/lib/auth/require-role';
import { getConfig } from '@/lib/config/get-config';
import { listChangeRequests } from '@/lib/db/approvals/list-change-requests';
import { listRequestsDecidedBy } from '@/lib/db/approvals/list-requests-decided-by';
import { getDb } from '@/lib/db/client';
import { countQuorum } from '@/lib/domain/approval-rules';
import { pageFor } from '@/lib/domain/page-access';
import { describeChange, describeDataLoss, shownState } from '../failovers/change-copy';
import { ChangeStateBadge } from '../failovers/change-state-badge';

export const metadata: Metadata = { title: 'Approvals' };
export const dynamic = 'force-dynamic';
const page = pageFor('/approvals');

/** What waits for the signed-in approver (not theirs, not yet decided by them, not expired), and what they decided lately. */
export default async function ApprovalsPage() {
  const session = await requireRole(page.roles, page.href);
  const db = await getDb();
  const now = new Date();
  const [pending, decided] = await Promise.all([listChangeRequests(db, { states: ['pending'] }), listRequestsDecidedBy(db, session.userId)]);
  const waiting = pending.filter((r) => r.requestedById !== session.userId && !r.decisions.some((d) => d.approverId === session.userId) && r.expiresAt > now);
  const isApprover = session.roles.includes('Approver');
  const { breakGlass } = getConfig().approvals;
  return (
    <>
      <PageHeader title={page.label} purpose={page.purpose} />
      <div className="grid gap-6">
        {!isApprover && (
          <p className="rounded-md border border-slate-700 bg-slate-900 p-3 text-sm text-slate-300">
            You hold {session.roles.join(', ')}, not Approver: you can review these requests but not approve or deny them.
            {breakGlass.enabled ? ' Break-glass is on: an Admin may approve alone from a request’s page, paging SEV-1.' : ' Break-glass is off in the approval policy.'}
          </p>
        )}
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading" className="mb-3 text-lg font-semibold">
            Waiting for you <span className="text-sm font-normal text-slate-400">({waiting.length})</span>
          </h2>
          {waiting.length === 0 ? (
            <EmptyState title={`Nothing waits for you, ${session.name.split(' ')[0]}`}>
              <p>Failover, failback and drill requests wait here for approvers once submitted. You are never asked to approve a request you made yourself.</p>
            </EmptyState>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2" data-testid="waiting-requests">
              {waiting.map((request) => {
                const quorum = countQuorum(request, request.decisions, now);
                return (
                  <li key={request.id} data-testid="waiting-request" data-id={request.id} className="flex flex-col gap-2 rounded-lg border border-amber-500/40 bg-slate-900 p-4">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h3 className="font-semibold">{describeChange(request)}</h3>
                      <ChangeStateBadge state="pending" />
                    </div>
                    <p className="text-sm text-slate-300">{request.reason}</p>
                    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                      <dt className="text-slate-400">Requested by</dt>
                      <dd>
                        {request.requestedByName} · <RelativeTime iso={request.requestedAt.toISOString()} />
                      </dd>
                      <dt className="text-slate-400">Approvals</dt>
                      <dd className="tabular-nums">
                        {quorum.valid} of {request.approversRequired}
                      </dd>
                      <dt className="text-slate-400">Expected data loss</dt>
                      <dd>{describeDataLoss(request.preflight.expectedDataLossSeconds)}</dd>
                      <dt className="text-slate-400">Time left</dt>
                      <dd className="font-medium text-amber-200" data-testid="time-left">
                        expires <RelativeTime iso={request.expiresAt.toISOString()} />
                      </dd>
                    </dl>
                    <Link href={`/failovers/${request.id}`} className="mt-auto self-start rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600">
                      Review the plan{isApprover ? ' and decide' : ''}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="decided-heading" className="rounded-lg border border-slate-800 bg-slate-900 p-4">
          <h2 id="decided-heading" className="text-lg font-semibold">
            Recently decided by you
          </h2>
          {decided.length === 0 ? (
            <p className="mt-2 text-sm text-slate-400">No decision yet.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-800" data-testid="decided-requests">
              {decided.map((request) => {
                const mine = request.decisions.find((d) => d.approverId === session.userId);
                if (!mine) return null;
                return (
                  <li key={request.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                    {mine.breakGlass ? <StatusBadge tone="bad" label="Break-glass" /> : mine.decision === 'approve' ? <StatusBadge tone="good" label="You approved" /> : <StatusBadge tone="bad" label="You denied" />}
                    <Link href={`/failovers/${request.id}`} className="font-medium text-sky-300 underline-offset-2 hover:underline">
                      {describeChange(request)}
                    </Link>
                    <span className="text-slate-400">
                      <RelativeTime iso={mine.decidedAt.toISOString()} />
                      {mine.voidedAt && ' · voided: the plan changed'}
                    </span>
                    <span className="ml-auto">
                      <ChangeStateBadge state={shownState(request, now)} />
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
