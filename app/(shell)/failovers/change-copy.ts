import type { ChangeRequestRecord } from '@/lib/db/approvals/change-request-record';
import type { ChangeState } from '@/lib/domain/approval-rules';
import type { ChangeKind } from '@/lib/domain/change-plan';

export const KIND_LABEL: Record<ChangeKind, string> = { failover: 'Failover', failback: 'Failback', drill: 'Drill', 'storage-failover': 'Storage account failover' };

/** A pending or approved request past its expiry is expired, even before the sweep records it. */
export function shownState(request: Pick<ChangeRequestRecord, 'state' | 'expiresAt'>, now: Date): ChangeState {
  return (request.state === 'pending' || request.state === 'approved') && request.expiresAt <= now ? 'expired' : request.state;
}

/** "Failover canadacentral → canadaeast"; a drill goes there and back. */
export function describeChange(request: Pick<ChangeRequestRecord, 'kind' | 'plan'>): string {
  const { fromRegion, toRegion } = request.plan;
  return request.kind === 'drill' ? `Drill ${fromRegion} → ${toRegion} → ${fromRegion}` : `${KIND_LABEL[request.kind]} ${fromRegion} → ${toRegion}`;
}

/** The expected data loss as the confirmation says it. */
export function describeDataLoss(seconds: number | null): string {
  if (seconds === null) return 'unknown: nothing has been restored into the target yet';
  return seconds < 90 ? `about ${Math.round(seconds)} s of writes` : `about ${Math.round(seconds / 60)} min of writes`;
}
